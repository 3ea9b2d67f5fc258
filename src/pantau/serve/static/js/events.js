// "/events": the event explorer. Filters (actor, country, CAMEO root, PLOVER type,
// modality, confidence, place, dates, and QuadClass from the timeline legend) live in
// the URL; a timeline of events by QuadClass and a sortable, paged table follow them.

import { bindForm, codebook, getJSON, guarded, newest, setUrlState, urlState } from "./api.js";
import { bucketEnd, fetchCounts, stackedTimeline } from "./charts.js";
import {
  QUAD_COLORS,
  QUAD_NAMES,
  dataTable,
  day,
  documentHref,
  fillSelect,
  goldsteinColor,
  markNav,
  num,
  pager,
  quadBadge,
} from "./common.js";
import { $, fill, h } from "./dom.js";

const LIMIT = 50;
const FILTERS = [
  "actor",
  "country",
  "root",
  "cameo",
  "plover",
  "modality",
  "min_confidence",
  "place",
  "quad_class",
  "doc",
  "from",
  "to",
];
const UNCOUNTED = ["root", "cameo", "plover", "modality", "min_confidence", "place", "doc"];
let book = null;
let placeNames = {};

/** The names of the places of a page of events (rows carry only a place id). */
async function loadPlaceNames(items) {
  const docs = [...new Set(items.filter((e) => e.place).map((e) => e.doc_id))];
  if (!docs.length) return {};
  const query = new URLSearchParams(docs.map((d) => ["doc", d]));
  const response = await fetch(`/dashboard-data/event-places?${query}`);
  return response.ok ? response.json() : {};
}

function placeName(e) {
  if (!e.place) return "–";
  const name = placeNames[e.doc_id]?.[e.place] ?? e.place;
  const coords =
    e.place_lat !== null && e.place_lat !== undefined
      ? `${e.place_lat.toFixed(2)}, ${e.place_lon.toFixed(2)}`
      : "";
  return h(
    "button",
    {
      type: "button",
      class: "link",
      title: coords ? `${coords} · filter by this place` : "filter by this place",
      on: { click: () => update({ place: name }) },
    },
    name,
  );
}

function update(changes) {
  setUrlState({ ...urlState(), offset: "", ...changes });
  load(urlState());
}

function apiFilters(state) {
  return Object.fromEntries(FILTERS.map((name) => [name, state[name] ?? ""]));
}

/** Filters that are not form fields (QuadClass, document, CAMEO code), as removable chips. */
function chips(state) {
  const items = [];
  if (state.quad_class)
    items.push([
      "quad_class",
      `QuadClass ${state.quad_class}: ${QUAD_NAMES[state.quad_class] ?? ""}`,
    ]);
  if (state.doc) items.push(["doc", `Document ${state.doc}`]);
  if (state.cameo)
    items.push(["cameo", `CAMEO ${state.cameo} ${book?.cameo?.[state.cameo] ?? ""}`]);
  fill(
    $("#chips"),
    items.map(([name, label]) =>
      h(
        "button",
        {
          type: "button",
          class: "chip",
          title: "Remove this filter",
          dataset: { filter: name },
          on: { click: () => update({ [name]: "" }) },
        },
        label,
        " ×",
      ),
    ),
  );
}

async function timeline(state) {
  const current = newest("timeline");
  const interval = $("#interval").value;
  // /api/counts filters by actor, country and dates; the other filters are noted
  const counted = { actor: state.actor, country: state.country, from: state.from, to: state.to };
  const counts = await fetchCounts(
    getJSON,
    { of: "events", by: "quad_class", ...counted },
    interval,
  );
  if (!current()) return;
  const series = [1, 2, 3, 4].map(
    (q) => counts.series.find((x) => String(x.key) === String(q)) ?? { key: q, points: [] },
  );
  stackedTimeline($("#timeline"), series, {
    colors: QUAD_COLORS,
    labels: QUAD_NAMES,
    interval: counts.interval,
    active: new Set(state.quad_class ? [String(state.quad_class)] : []),
    onLegend: (key) => update({ quad_class: urlState().quad_class === key ? "" : key }),
    onBar: (date) => update({ from: date, to: bucketEnd(date, counts.interval) }),
  });
  const uncounted = UNCOUNTED.filter((name) => state[name]);
  if (uncounted.length) {
    $("#timeline").append(
      h(
        "p",
        { class: "hint" },
        `The timeline counts all events of the actor, country and dates, whatever the ${uncounted.join(", ")} filter${uncounted.length > 1 ? "s" : ""}.`,
      ),
    );
  }
}

function actorCell(name, code, country) {
  if (!name && !code) return h("span", { class: "muted" }, "–");
  return h(
    "span",
    { class: "actor" },
    name || code,
    code
      ? h(
          "button",
          {
            type: "button",
            class: "link",
            title: "Filter by this actor code",
            on: { click: () => update({ actor: code }) },
          },
          h("code", {}, code),
        )
      : null,
    country ? h("span", { class: "muted" }, ` ${country}`) : null,
  );
}

async function table(state) {
  const current = newest("table");
  const offset = Number(state.offset) || 0;
  const sort = state.sort || "-date";
  const page = await getJSON("/api/events", { ...apiFilters(state), sort, limit: LIMIT, offset });
  const places = await loadPlaceNames(page.items);
  if (!current()) return;
  placeNames = places;
  fill(
    $("#table-title"),
    `Events `,
    h("span", { class: "muted", id: "event-total" }, `(${page.total})`),
  );
  const names = book?.cameo ?? {};
  const columns = [
    {
      label: "Date",
      sort: "date",
      class: "nowrap",
      render: (e) =>
        h("span", { title: e.date_source ? `from ${e.date_source}` : "" }, day(e.date)),
    },
    {
      label: "Source",
      sort: "source_code",
      render: (e) => actorCell(e.source_name, e.source_code, e.source_country),
    },
    {
      label: "Event",
      sort: "cameo",
      render: (e) =>
        h(
          "span",
          { class: "event-cell" },
          h("q", {}, e.trigger_text),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "link",
              title: names[e.cameo] ?? "",
              on: { click: () => update({ cameo: e.cameo }) },
            },
            h("code", {}, e.cameo),
          ),
        ),
    },
    {
      label: "Target",
      sort: "target_code",
      render: (e) => actorCell(e.target_name, e.target_code, e.target_country),
    },
    { label: "PLOVER", sort: "plover", render: (e) => e.plover || "–" },
    {
      label: "Quad",
      sort: "quad_class",
      render: (e) => quadBadge(e.quad_class),
    },
    {
      label: "Goldstein",
      sort: "goldstein",
      class: "num",
      render: (e) => {
        const score = h("span", { class: "goldstein" }, num(e.goldstein));
        score.style.background = goldsteinColor(e.goldstein);
        return score;
      },
    },
    { label: "Modality", sort: "modality", render: (e) => e.modality },
    { label: "Confidence", sort: "confidence", class: "num", render: (e) => num(e.confidence, 2) },
    { label: "Place", render: (e) => placeName(e) },
    {
      label: "Document",
      sort: "published",
      render: (e) =>
        h(
          "a",
          {
            href: documentHref(e.doc_id, `event=${encodeURIComponent(e.id)}`),
            title: day(e.published),
          },
          e.doc_title || e.doc_id,
        ),
    },
  ];
  fill(
    $("#table"),
    dataTable(columns, page.items, { sort, onSort: (next) => update({ sort: next }) }),
    pager(page.total, LIMIT, offset, (next) => {
      setUrlState({ ...urlState(), offset: next || "" });
      guarded(() => table(urlState()));
    }),
  );
}

function load(state) {
  chips(state);
  Promise.all([guarded(() => timeline(state)), guarded(() => table(state))]).then(() => {
    document.body.dataset.ready = "true";
  });
}

async function main() {
  markNav();
  book = await codebook();
  const form = $("#filters");
  fillSelect(
    form.elements.root,
    book.roots.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` })),
    "any CAMEO root",
  );
  fillSelect(
    form.elements.plover,
    book.plover.map((p) => ({ value: p, label: p })),
    "any PLOVER type",
  );
  fillSelect(
    form.elements.modality,
    book.modalities.map((m) => ({ value: m, label: m })),
    "any modality",
  );
  const reread = bindForm(form, load);
  $("#interval").value = urlState().interval || "auto";
  $("#interval").addEventListener("change", () => {
    setUrlState(
      { ...urlState(), interval: $("#interval").value === "auto" ? "" : $("#interval").value },
      { replace: true },
    );
    guarded(() => timeline(urlState()));
  });
  load(reread());
}

guarded(main);

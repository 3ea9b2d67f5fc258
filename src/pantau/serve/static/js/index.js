// "/": search across documents, with an overview of the store (totals, documents over
// time, the entities most documents name and where they are mentioned).

import { bindForm, getJSON, guarded, newest, setUrlState, urlState } from "./api.js";
import { bucketEnd, fetchCounts, stackedTimeline } from "./charts.js";
import { dataTable, day, documentHref, markNav, num, pageHref, pager } from "./common.js";
import { $, fill, h } from "./dom.js";

const LIMIT = 25;
const LANG_COLORS = { id: "#c0504d", en: "#4f81bd" };
const LANG_NAMES = { id: "Indonesian", en: "English" };

async function stats() {
  const kinds = [
    ["documents", "/"],
    ["events", "/events"],
    ["quotes", "/quotes"],
    ["entities", null],
    ["places", "/map"],
  ];
  const totals = await Promise.all(
    kinds.map(([kind]) => getJSON(`/api/${kind}`, { limit: 1 }).then((r) => r.total)),
  );
  fill(
    $("#stats"),
    kinds.map(([kind, href], i) => {
      const body = [h("strong", {}, totals[i].toLocaleString("en")), h("span", {}, kind)];
      return href ? h("a", { class: "stat", href }, body) : h("div", { class: "stat" }, body);
    }),
  );
}

async function timeline(state) {
  const current = newest("timeline");
  const counts = await fetchCounts(getJSON, {
    of: "documents",
    by: "language",
    from: state.from,
    to: state.to,
  });
  if (!current()) return;
  stackedTimeline($("#timeline"), counts.series, {
    colors: LANG_COLORS,
    labels: LANG_NAMES,
    interval: counts.interval,
    active: new Set(state.lang ? [state.lang] : []),
    onLegend: (key) => search({ ...urlState(), lang: urlState().lang === key ? "" : key }),
    onBar: (date) => search({ ...urlState(), from: date, to: bucketEnd(date, counts.interval) }),
  });
}

function search(state) {
  setUrlState({ ...state, offset: "" });
  load(urlState());
}

async function results(state) {
  const current = newest("results");
  const offset = Number(state.offset) || 0;
  const sort = state.sort || (state.q ? "" : "-published");
  const page = await getJSON("/api/documents", {
    q: state.q,
    lang: state.lang,
    from: state.from,
    to: state.to,
    sort,
    limit: LIMIT,
    offset,
  });
  if (!current()) return;
  fill($("#results-title"), state.q ? `Documents matching “${state.q}”` : "Documents");
  const reload = (changes) => {
    setUrlState({ ...urlState(), ...changes });
    guarded(() => results(urlState()));
  };
  const columns = [
    {
      label: "Title",
      sort: "title",
      render: (d) => h("a", { href: documentHref(d.id) }, d.title || "(untitled)"),
    },
    { label: "Published", sort: "published", class: "nowrap", render: (d) => day(d.published) },
    { label: "Lang", sort: "language", render: (d) => d.language || "–" },
    { label: "Source", sort: "source", class: "source", render: (d) => d.source || "–" },
    { label: "Tone", sort: "tone", class: "num", render: (d) => num(d.tone) },
    { label: "Entities", sort: "entities", class: "num", render: (d) => d.entities ?? "–" },
    {
      label: "Events",
      sort: "events",
      class: "num",
      render: (d) =>
        d.events
          ? h("a", { href: pageHref("/events", { doc: d.id }) }, d.events)
          : (d.events ?? "–"),
    },
    { label: "Quotes", sort: "quotes", class: "num", render: (d) => d.quotes ?? "–" },
  ];
  fill(
    $("#results"),
    dataTable(columns, page.items, { sort, onSort: (next) => reload({ sort: next, offset: "" }) }),
    pager(page.total, LIMIT, offset, (next) => reload({ offset: next || "" })),
  );
}

async function entities() {
  const page = await getJSON("/api/entities", { sort: "-documents", limit: 20 });
  fill(
    $("#entities"),
    h(
      "ul",
      {},
      page.items.map((e) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: `entity-chip ent-${e.type}`,
              title: [e.type, e.country, e.actor_code].filter(Boolean).join(" · "),
              on: { click: () => guarded(() => mentions(e)) },
            },
            e.name,
          ),
          h("span", { class: "muted" }, ` ${e.documents} doc${e.documents === 1 ? "" : "s"}`),
        ),
      ),
    ),
  );
}

/** Where an entity is mentioned, across documents, each linked to the article page. */
async function mentions(entity) {
  const page = await getJSON(`/api/entities/${encodeURIComponent(entity.key)}/mentions`, {
    limit: 50,
  });
  fill(
    $("#mentions"),
    h("h3", {}, `Mentions of ${entity.name}`, h("span", { class: "muted" }, ` (${page.total})`)),
    h(
      "ol",
      {},
      page.items.map((m) =>
        h(
          "li",
          {},
          h("q", {}, m.text),
          " in ",
          h(
            "a",
            { href: documentHref(m.doc_id, `at=${m.start}-${m.end}`) },
            m.doc_title || m.doc_id,
          ),
          h("span", { class: "muted" }, ` ${day(m.published)}`),
        ),
      ),
    ),
  );
}

function load(state) {
  return Promise.all([guarded(() => results(state)), guarded(() => timeline(state))]);
}

markNav();
const reread = bindForm($("#search"), load);
// Ready once every part of the first view is drawn, the overview included.
Promise.all([load(reread()), guarded(stats), guarded(entities)]).then(() => {
  document.body.dataset.ready = "true";
});

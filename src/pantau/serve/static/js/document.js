// "/documents/{id}": one article's clean text with every layer highlighted, and lists of
// its events, entities, quotes, places and dates. Selecting an item (in a list, in the
// text, or through the URL hash "#event=ID", "#entity=ID", "#quote=I", "#place=ID",
// "#date=I") marks its evidence in the text and scrolls to it: an event marks its
// trigger, its source and target actors, its place and its date.

import { codebook, getJSON, guarded } from "./api.js";
import {
  QUAD_NAMES,
  actorLabel,
  day,
  goldsteinColor,
  markNav,
  num,
  pageHref,
  quadBadge,
} from "./common.js";
import { $, $$, fill, h } from "./dom.js";
import { analysisSpans, segment } from "./highlight.js";

const LAYERS = [
  ["ent", "Entities", "entities"],
  ["quote", "Quotes", "quotes"],
  ["place", "Places", "places"],
  ["date", "Dates", "dates"],
  ["trigger", "Events", "events"],
];
const MARKS = [
  "mark",
  "mark-trigger",
  "mark-src",
  "mark-tgt",
  "mark-place",
  "mark-date",
  "mark-speaker",
];
const PRIORITY = ["ev", "ent", "place", "date", "quote"];
const HASH_KIND = { event: "ev", entity: "ent", quote: "quote", place: "place", date: "date" };

const state = {
  analysis: null,
  index: new Map(), // key -> pieces of text
  keysOf: new WeakMap(), // piece -> keys
  startOf: new WeakMap(), // piece -> offset in the text
  cycle: new Map(), // key -> which of its runs was scrolled to last
  book: null,
};

function docId() {
  return decodeURIComponent(location.pathname.replace(/^\/documents\//, ""));
}

function pieces(key) {
  return state.index.get(key) ?? [];
}

function clearMarks() {
  for (const element of $$(".doc-text .seg")) element.classList.remove(...MARKS);
  for (const item of $$(".items .selected")) item.classList.remove("selected");
}

function mark(key, ...classes) {
  for (const element of pieces(key)) element.classList.add(...classes);
}

/** Scroll to the n-th separate run of marked pieces of `key` (repeated clicks cycle). */
function scrollTo(key, cycle) {
  const elements = pieces(key);
  if (!elements.length) return;
  const starts = elements.filter((e, i) => i === 0 || e.previousSibling !== elements[i - 1]);
  const n = cycle ? (state.cycle.get(key) ?? -1) + 1 : 0;
  state.cycle.set(key, n % starts.length);
  starts[n % starts.length].scrollIntoView({ block: "center" });
}

/** The item of the analysis that a selection names, or undefined. */
function find(kind, id) {
  const a = state.analysis;
  if (kind === "ev") return a.events.find((e) => e.id === id);
  if (kind === "ent") return a.entities.find((e) => e.id === id);
  if (kind === "place") return a.places.find((p) => p.id === id);
  if (kind === "quote") return a.quotes[Number(id)];
  if (kind === "date") return a.dates[Number(id)];
  return undefined;
}

function select(kind, id, { scroll = true, cycle = false } = {}) {
  const item = find(kind, id);
  if (!item) return;
  clearMarks();
  const key = `${kind}:${id}`;
  document.getElementById(`item-${kind}-${id}`)?.classList.add("selected");
  if (kind === "ev") {
    mark(key, "mark", "mark-trigger");
    mark(`src:${id}`, "mark", "mark-src");
    mark(`tgt:${id}`, "mark", "mark-tgt");
    mark(`evplace:${id}`, "mark", "mark-place");
    mark(`evdate:${id}`, "mark", "mark-date");
    showDetail(eventDetail(item));
  } else if (kind === "quote") {
    mark(key, "mark");
    mark(`spk:${id}`, "mark", "mark-speaker");
    showDetail(quoteDetail(item));
  } else {
    mark(key, "mark");
    const detail = { ent: entityDetail, place: placeDetail, date: dateDetail }[kind];
    showDetail(detail(item));
  }
  const hashKind = Object.keys(HASH_KIND).find((k) => HASH_KIND[k] === kind);
  history.replaceState(
    null,
    "",
    `${location.pathname}${location.search}#${hashKind}=${encodeURIComponent(id)}`,
  );
  if (scroll) scrollTo(key, cycle);
}

function showDetail(content) {
  $("#detail-panel").hidden = false;
  fill($("#detail"), content);
}

function row(label, ...value) {
  return [h("dt", {}, label), h("dd", {}, ...value)];
}

function actorRow(label, actor) {
  if (!actor) return row(label, h("span", { class: "muted" }, "none"));
  const bits = [actor.country, actor.sector].filter(Boolean).join(" · ");
  return row(
    label,
    actorLabel(actor.name, actor.code),
    bits ? h("span", { class: "muted" }, ` ${bits}`) : null,
  );
}

function eventDetail(ev) {
  const names = state.book?.cameo ?? {};
  const place = ev.place ? state.analysis.places.find((p) => p.id === ev.place) : null;
  const sources = ev.sources?.length ? ev.sources : [ev.source];
  const targets = ev.targets?.length ? ev.targets : ev.target ? [ev.target] : [null];
  const score = h("span", { class: "goldstein" }, num(ev.goldstein));
  score.style.background = goldsteinColor(ev.goldstein);
  return h(
    "div",
    { class: "event-detail", dataset: { event: ev.id } },
    h("p", { class: "summary" }, summaryLine(ev)),
    h(
      "p",
      { class: "legend-marks" },
      h("span", { class: "seg mark mark-src" }, "source"),
      " ",
      h("span", { class: "seg mark mark-trigger" }, "trigger"),
      " ",
      h("span", { class: "seg mark mark-tgt" }, "target"),
    ),
    h(
      "dl",
      {},
      sources.map((actor, i) => actorRow(i ? "and" : "Source", actor)),
      targets.map((actor, i) => actorRow(i ? "and" : "Target", actor)),
      row("Trigger", h("q", {}, ev.trigger.text)),
      row("CAMEO", h("code", {}, ev.cameo), ` ${names[ev.cameo] ?? ""}`),
      row("Root", h("code", {}, ev.root), ` ${names[ev.root] ?? ""}`),
      row("PLOVER", ev.plover || "–", ev.plover_mode ? ` (${ev.plover_mode})` : ""),
      row("QuadClass", quadBadge(ev.quad_class), ` ${QUAD_NAMES[ev.quad_class] ?? ""}`),
      row("Goldstein", score),
      row("Modality", ev.modality),
      row(
        "Date",
        ev.date || "–",
        ev.date_source
          ? h(
              "span",
              { class: "muted" },
              ` from ${ev.date_source === "text" ? "the text" : "publication"}`,
            )
          : null,
      ),
      row("Place", place ? place.resolved || place.name : "–"),
      row("Confidence", num(ev.confidence, 2)),
    ),
  );
}

function summaryLine(ev) {
  return [
    quadBadge(ev.quad_class),
    " ",
    actorLabel(ev.source?.name, ev.source?.code),
    h("span", { class: "verb" }, ` ${ev.trigger.text} `),
    ev.target
      ? actorLabel(ev.target.name, ev.target.code)
      : h("span", { class: "muted" }, "(no target)"),
  ];
}

function entityDetail(e) {
  return h(
    "div",
    { class: "entity-detail" },
    h("p", { class: "summary" }, h("span", { class: `entity-chip ent-${e.type}` }, e.name)),
    h(
      "dl",
      {},
      row("Type", e.type),
      row("Roles", e.roles.length ? e.roles.join("; ") : "–"),
      row("Country", e.country || "–"),
      row("Actor code", e.actor_code ? h("code", {}, e.actor_code) : "–"),
      row("KB id", e.kb_id || "–"),
      row(
        "Mentions",
        String(e.mentions.length),
        h("span", { class: "muted" }, " (click again for the next)"),
      ),
    ),
    e.actor_code
      ? h(
          "p",
          {},
          h(
            "a",
            { href: pageHref("/events", { actor: e.actor_code }) },
            `Events of ${e.actor_code} in all documents ›`,
          ),
        )
      : null,
  );
}

function quoteDetail(q) {
  return h(
    "div",
    { class: "quote-detail" },
    h("blockquote", {}, q.text),
    h(
      "dl",
      {},
      row("Speaker", q.speaker_name || h("span", { class: "muted" }, "unknown")),
      row("Kind", q.kind),
      row("Cue", q.cue || "–"),
    ),
    q.speaker_name
      ? h(
          "p",
          {},
          h(
            "a",
            { href: pageHref("/quotes", { speaker: q.speaker_name }) },
            "All quotes of this speaker ›",
          ),
        )
      : null,
  );
}

function placeDetail(p) {
  return h(
    "div",
    { class: "place-detail" },
    h(
      "dl",
      {},
      row("Written", p.name),
      row("Resolved", p.resolved || "–"),
      row("Feature", p.feature || "–"),
      row("Country", p.country || "–"),
      row(
        "Coordinates",
        p.lat === null || p.lat === undefined ? "–" : `${num(p.lat, 3)}, ${num(p.lon, 3)}`,
      ),
      row("GeoNames", p.geonames_id ? String(p.geonames_id) : "–"),
    ),
    h(
      "p",
      {},
      h(
        "a",
        { href: pageHref("/events", { place: p.resolved || p.name }) },
        "Events at this place ›",
      ),
    ),
  );
}

function dateDetail(d) {
  return h(
    "dl",
    {},
    row("Written", d.text),
    row("Value", d.value),
    row("Granularity", d.granularity),
    row("Relative", d.relative ? "yes, from the publication date" : "no"),
  );
}

function listItem(kind, id, ...content) {
  return h(
    "li",
    { id: `item-${kind}-${id}` },
    h(
      "button",
      { type: "button", class: "item", on: { click: () => select(kind, id, { cycle: true }) } },
      ...content,
    ),
  );
}

function renderLists(a) {
  const names = state.book?.cameo ?? {};
  fill(
    $("#events"),
    a.events.length
      ? a.events.map((ev) =>
          listItem(
            "ev",
            ev.id,
            h("span", { class: "line" }, summaryLine(ev)),
            h(
              "span",
              { class: "sub" },
              [
                `${ev.cameo} ${names[ev.cameo] ?? ""}`,
                ev.plover,
                ev.modality !== "asserted" ? ev.modality : null,
                ev.date,
              ]
                .filter(Boolean)
                .join(" · "),
            ),
          ),
        )
      : h("li", { class: "muted" }, "No events."),
  );
  const entities = [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length);
  fill(
    $("#entities"),
    entities.length
      ? entities.map((e) =>
          listItem(
            "ent",
            e.id,
            h("span", { class: `entity-chip ent-${e.type}` }, e.name),
            h(
              "span",
              { class: "sub" },
              [e.type, e.actor_code, `${e.mentions.length}×`].filter(Boolean).join(" · "),
            ),
          ),
        )
      : h("li", { class: "muted" }, "No entities."),
  );
  fill(
    $("#quotes"),
    a.quotes.length
      ? a.quotes.map((q, i) =>
          listItem(
            "quote",
            String(i),
            h("strong", {}, q.speaker_name || "unknown speaker"),
            h("span", { class: "sub" }, q.text.length > 160 ? `${q.text.slice(0, 160)}…` : q.text),
          ),
        )
      : h("li", { class: "muted" }, "No quotes."),
  );
  fill(
    $("#places"),
    a.places.length
      ? a.places.map((p) =>
          listItem(
            "place",
            p.id,
            h("span", {}, p.resolved || p.name),
            h(
              "span",
              { class: "sub" },
              [p.feature, p.country, `${p.mentions.length}×`].filter(Boolean).join(" · "),
            ),
          ),
        )
      : h("li", { class: "muted" }, "No places."),
  );
  fill(
    $("#dates"),
    a.dates.length
      ? a.dates.map((d, i) =>
          listItem("date", String(i), h("span", {}, d.text), h("span", { class: "sub" }, d.value)),
        )
      : h("li", { class: "muted" }, "No dates."),
  );
}

function renderLayers(a) {
  const text = $("#text");
  fill(
    $("#layers"),
    LAYERS.map(([cls, label, field]) => {
      const box = h("input", { type: "checkbox", checked: true, dataset: { layer: cls } });
      box.addEventListener("change", () => text.classList.toggle(`hide-${cls}`, !box.checked));
      return h("label", { class: `layer layer-${cls}` }, box, ` ${label} (${a[field].length})`);
    }),
  );
}

function renderMeta(a) {
  document.title = `${a.title || a.id} · pantau`;
  fill($("#title"), a.title || "(untitled)");
  const tone = a.tone
    ? h(
        "span",
        {
          class: "tone",
          title: `positive ${num(a.tone.positive)} · negative ${num(a.tone.negative)}`,
        },
        `tone ${num(a.tone.score)}`,
      )
    : null;
  const parts = [
    a.published ? h("time", {}, day(a.published)) : null,
    a.language ? h("span", {}, a.language) : null,
    a.author ? h("span", {}, a.author) : null,
    a.source ? h("span", { class: "source" }, a.source) : null,
    a.url ? h("a", { href: a.url, rel: "noopener noreferrer" }, "original") : null,
    tone,
    h("a", { href: pageHref("/events", { doc: a.id }) }, "events in the explorer"),
    h("a", { href: `/api/documents/${encodeURIComponent(a.id)}` }, "JSON"),
  ].filter(Boolean);
  fill(
    $("#meta"),
    parts.flatMap((p, i) => (i ? [" · ", p] : [p])),
  );
}

function onTextClick(event) {
  const element = event.target.closest(".seg");
  if (!element) return;
  const keys = state.keysOf.get(element) ?? [];
  for (const kind of PRIORITY) {
    const key = keys.find((k) => k.startsWith(`${kind}:`));
    if (key) {
      select(kind, key.slice(kind.length + 1), { scroll: false });
      document
        .getElementById(`item-${kind}-${key.slice(kind.length + 1)}`)
        ?.scrollIntoView({ block: "nearest" });
      return;
    }
  }
}

/** "#event=ID" and the like select an item; "#at=START-END" (a mention found by the
 * entity search) selects the entity mentioned there. */
function selectFromHash() {
  const [name, value] = location.hash.slice(1).split("=");
  if (value === undefined) return;
  if (name === "at") {
    const [start, end] = value.split("-").map(Number);
    const entity = state.analysis.entities.find((e) =>
      e.mentions.some((m) => m.start === start && m.end === end),
    );
    if (entity) select("ent", entity.id, { scroll: false });
    $$(".doc-text .seg")
      .find((element) => state.startOf.get(element) === start)
      ?.scrollIntoView({ block: "center" });
    return;
  }
  const kind = HASH_KIND[name];
  if (kind) select(kind, decodeURIComponent(value));
}

async function main() {
  markNav();
  const [analysis, book] = await Promise.all([
    getJSON(`/api/documents/${encodeURIComponent(docId())}`),
    codebook().catch(() => null),
  ]);
  state.analysis = analysis;
  state.book = book;
  renderMeta(analysis);
  renderLayers(analysis);
  const { fragment, index, keysOf, startOf } = segment(analysis.text, analysisSpans(analysis));
  Object.assign(state, { index, keysOf, startOf });
  const text = $("#text");
  if (analysis.language) text.setAttribute("lang", analysis.language);
  text.replaceChildren(fragment);
  text.addEventListener("click", onTextClick);
  renderLists(analysis);
  selectFromHash();
  window.addEventListener("hashchange", selectFromHash);
  document.body.dataset.ready = "true";
}

guarded(main);

// "/quotes": who said what, and when. Speakers ranked by their number of quotes, a
// swimlane chart (one row per speaker, one dot per quote at its publication date) and the
// quotes themselves, each linked to the sentence in its article.

import { bindForm, getJSON, guarded, newest, setUrlState, urlState } from "./api.js";
import { day, documentHref, markNav, pager } from "./common.js";
import { $, fill, h, s } from "./dom.js";

const LIMIT = 30;
const SAMPLE = 500;
const LANES = 12;
const KIND_COLORS = { direct: "#1f4e79", partial: "#5b9bd5", indirect: "#a5a5a5" };
const UNKNOWN = "(unknown speaker)";

const speakerOf = (q) => q.speaker_name || UNKNOWN;

function update(changes) {
  setUrlState({ ...urlState(), offset: "", ...changes });
  load(urlState());
}

/** Speakers with their quotes, from the most recent quotes matching the other filters. */
async function sample(state) {
  const page = await getJSON("/api/quotes", {
    q: state.q,
    from: state.from,
    to: state.to,
    sort: "-published",
    limit: SAMPLE,
  });
  const bySpeaker = new Map();
  for (const quote of page.items) {
    const name = speakerOf(quote);
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(quote);
  }
  const speakers = [...bySpeaker.entries()]
    .map(([name, quotes]) => ({ name, quotes }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
  return { speakers, total: page.total };
}

function speakerList(speakers, total, current) {
  fill(
    $("#speakers"),
    speakers.map((sp) =>
      h(
        "li",
        { class: sp.name === current ? "selected" : null },
        h(
          "button",
          {
            type: "button",
            class: "item",
            dataset: { speaker: sp.name },
            "aria-pressed": sp.name === current ? "true" : "false",
            on: {
              click: () =>
                update({ speaker: sp.name === current || sp.name === UNKNOWN ? "" : sp.name }),
            },
          },
          h("span", {}, sp.name),
          h(
            "span",
            { class: "sub" },
            `${sp.quotes.length} quote${sp.quotes.length === 1 ? "" : "s"}`,
          ),
        ),
      ),
    ),
    total > SAMPLE
      ? h("li", { class: "muted" }, `Counted over the ${SAMPLE} most recent of ${total} quotes.`)
      : null,
  );
}

function swimlanes(speakers, current) {
  const container = $("#swimlanes");
  // rows for the speakers with the most dated quotes (undated ones have no place in time)
  const datedCount = (sp) => sp.quotes.filter((q) => q.published).length;
  const ranked = speakers
    .filter((sp) => datedCount(sp) > 0)
    .sort((a, b) => datedCount(b) - datedCount(a));
  let lanes = ranked.slice(0, LANES);
  if (current && !lanes.some((sp) => sp.name === current)) {
    lanes = [...lanes.slice(0, LANES - 1), ...ranked.filter((sp) => sp.name === current)];
  }
  const dated = lanes.flatMap((sp) => sp.quotes).filter((q) => q.published);
  if (!dated.length) {
    fill(container, h("p", { class: "muted" }, "No dated quotes."));
    return;
  }
  const times = dated.map((q) => Date.parse(day(q.published)));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const width = Math.max(420, container.clientWidth || 800);
  const left = 170;
  const right = 16;
  const row = 24;
  const height = lanes.length * row + 30;
  const inner = 10; // keeps the first and last dots clear of the labels and the edge
  const x = (t) =>
    left + inner + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (width - left - right - 2 * inner);
  const svg = s("svg", {
    class: "swimlanes",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": "Quotes over time",
  });
  lanes.forEach((sp, i) => {
    const y = 12 + i * row;
    const lane = s("g", {
      class: `lane${current && sp.name === current ? " selected" : ""}`,
      dataset: { speaker: sp.name },
    });
    lane.append(
      s("line", { class: "grid", x1: left, x2: width - right, y1: y, y2: y }),
      s(
        "text",
        { class: "lane-label", x: left - 8, y: y + 4, "text-anchor": "end" },
        sp.name.length > 26 ? `${sp.name.slice(0, 25)}…` : sp.name,
      ),
    );
    const taken = new Map(); // quotes of one day sit side by side, not on top of each other
    for (const q of sp.quotes.filter((item) => item.published)) {
      const at = x(Date.parse(day(q.published)));
      const slot = taken.get(Math.round(at)) ?? 0;
      taken.set(Math.round(at), slot + 1);
      const link = s(
        "a",
        { href: documentHref(q.doc_id, `quote=${q.idx}`) },
        s("title", {}, `${day(q.published)} · ${q.kind}\n${q.text.slice(0, 200)}`),
        s("circle", {
          cx: at + slot * 7,
          cy: y,
          r: 5,
          fill: KIND_COLORS[q.kind] ?? "#888",
          class: "dot",
        }),
      );
      lane.append(link);
    }
    svg.append(lane);
  });
  const axisY = height - 8;
  svg.append(
    s(
      "text",
      { class: "tick", x: left, y: axisY, "text-anchor": "start" },
      new Date(t0).toISOString().slice(0, 10),
    ),
    s(
      "text",
      { class: "tick", x: width - right, y: axisY, "text-anchor": "end" },
      new Date(t1).toISOString().slice(0, 10),
    ),
  );
  const legend = h(
    "div",
    { class: "legend" },
    Object.entries(KIND_COLORS).map(([kind, color]) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = color;
      return h("span", { class: "legend-item" }, swatch, kind);
    }),
  );
  fill(container, svg, legend);
}

async function quoteList(state) {
  const current = newest("quotes");
  const offset = Number(state.offset) || 0;
  const page = await getJSON("/api/quotes", {
    speaker: state.speaker,
    q: state.q,
    from: state.from,
    to: state.to,
    sort: "-published",
    limit: LIMIT,
    offset,
  });
  if (!current()) return;
  fill(
    $("#quotes-title"),
    state.speaker ? `Quotes of ${state.speaker} ` : "Quotes ",
    h("span", { class: "muted", id: "quote-total" }, `(${page.total})`),
  );
  fill(
    $("#quotes"),
    h(
      "ol",
      { class: "quote-cards" },
      page.items.map((q) =>
        h(
          "li",
          { class: `quote-card kind-${q.kind}` },
          h("blockquote", {}, q.text),
          h(
            "p",
            { class: "meta" },
            h(
              "button",
              {
                type: "button",
                class: "link speaker",
                on: { click: () => q.speaker_name && update({ speaker: q.speaker_name }) },
              },
              speakerOf(q),
            ),
            q.cue ? h("span", { class: "muted" }, ` ${q.cue}`) : null,
            " · ",
            h("span", { class: "badge" }, q.kind),
            " · ",
            day(q.published),
            " · ",
            h("a", { href: documentHref(q.doc_id, `quote=${q.idx}`) }, q.doc_title || q.doc_id),
          ),
        ),
      ),
    ),
    pager(page.total, LIMIT, offset, (next) => {
      setUrlState({ ...urlState(), offset: next || "" });
      guarded(() => quoteList(urlState()));
    }),
  );
}

async function load(state) {
  await Promise.all([
    guarded(async () => {
      const current = newest("speakers");
      const { speakers, total } = await sample(state);
      if (!current()) return;
      speakerList(speakers, total, state.speaker);
      swimlanes(speakers, state.speaker);
    }),
    guarded(() => quoteList(state)),
  ]);
  document.body.dataset.ready = "true";
}

markNav();
const reread = bindForm($("#filters"), load);
load(reread());

// Turning an analysis into highlighted text. Layers overlap (an entity inside a quote, a
// trigger inside both), so the text is cut at every span boundary and each piece becomes
// one <span> carrying the classes and keys of every span that covers it. Selecting an
// item then means adding a class to the pieces indexed under its key.

/**
 * text: the clean text; spans: [{start, end, keys: [str], cls: [str]}].
 * Returns {fragment, index: Map(key -> [element]), keysOf: WeakMap(element -> [key]),
 * startOf: WeakMap(element -> offset)}.
 */
export function segment(text, spans) {
  const valid = spans
    .map((span) => ({
      ...span,
      start: Math.max(0, Math.min(text.length, span.start)),
      end: Math.max(0, Math.min(text.length, span.end)),
    }))
    .filter((span) => span.start < span.end)
    .sort((a, b) => a.start - b.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((x) => [x.start, x.end])])].sort(
    (a, b) => a - b,
  );
  const fragment = document.createDocumentFragment();
  const index = new Map();
  const keysOf = new WeakMap();
  const startOf = new WeakMap();
  let next = 0;
  let active = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    active = active.filter((span) => span.end > a);
    while (next < valid.length && valid[next].start <= a) active.push(valid[next++]);
    const piece = text.slice(a, b);
    if (!active.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const element = document.createElement("span");
    element.textContent = piece;
    const classes = new Set(["seg", ...active.flatMap((span) => span.cls || [])]);
    element.className = [...classes].join(" ");
    const keys = [...new Set(active.flatMap((span) => span.keys))];
    keysOf.set(element, keys);
    startOf.set(element, a);
    for (const key of keys) {
      if (!index.has(key)) index.set(key, []);
      index.get(key).push(element);
    }
    fragment.append(element);
  }
  return { fragment, index, keysOf, startOf };
}

/** Spans of [start, end) pairs found in `within` (a {start, end} range). */
function inside(ranges, within) {
  return within ? ranges.filter((r) => r.start >= within.start && r.end <= within.end) : ranges;
}

function nearest(ranges, point) {
  if (!ranges.length) return [];
  const distance = (r) => (point < r.start ? r.start - point : point > r.end ? point - r.end : 0);
  return [ranges.reduce((best, r) => (distance(r) < distance(best) ? r : best))];
}

/** Where the text names an actor: the mentions of its entity in the event's sentence,
 * else its name written in that sentence (case-insensitive), nearest the trigger. */
function actorRanges(actor, analysis, mentionsOf, sentence, trigger) {
  if (!actor) return [];
  const mentions = actor.entity ? (mentionsOf.get(actor.entity) ?? []) : [];
  const found = inside(mentions, sentence);
  if (found.length) return found;
  const name = (actor.name || "").trim();
  if (!name) return [];
  const scope = sentence ?? { start: 0, end: analysis.text.length };
  const haystack = analysis.text.slice(scope.start, scope.end).toLowerCase();
  const hits = [];
  for (
    let at = haystack.indexOf(name.toLowerCase());
    at >= 0;
    at = haystack.indexOf(name.toLowerCase(), at + 1)
  ) {
    hits.push({ start: scope.start + at, end: scope.start + at + name.length });
  }
  return nearest(hits, trigger.start);
}

/** Every span to draw or to mark for one analysis, with its keys:
 * ent:ID, place:ID, quote:I, date:I, ev:ID (trigger); and evidence of a selection:
 * src:ID / tgt:ID / evplace:ID / evdate:ID (an event's actors, place and date in its
 * sentence), spk:I (a quote's speaker, the mention nearest the quote). */
export function analysisSpans(analysis) {
  const spans = [];
  const mentionsOf = new Map();
  for (const entity of analysis.entities) {
    mentionsOf.set(entity.id, entity.mentions);
    for (const m of entity.mentions) {
      spans.push({
        start: m.start,
        end: m.end,
        keys: [`ent:${entity.id}`],
        cls: ["ent", `ent-${entity.type}`],
      });
    }
  }
  const placeMentions = new Map();
  for (const place of analysis.places) {
    placeMentions.set(place.id, place.mentions);
    for (const m of place.mentions)
      spans.push({ start: m.start, end: m.end, keys: [`place:${place.id}`], cls: ["place"] });
  }
  analysis.quotes.forEach((q, i) => {
    spans.push({ start: q.start, end: q.end, keys: [`quote:${i}`], cls: ["quote"] });
    const speaker = q.speaker ? (mentionsOf.get(q.speaker) ?? []) : [];
    for (const r of nearest(speaker, q.start)) spans.push({ ...r, keys: [`spk:${i}`] });
  });
  analysis.dates.forEach((d, i) =>
    spans.push({ start: d.start, end: d.end, keys: [`date:${i}`], cls: ["date"] }),
  );
  for (const ev of analysis.events) {
    const t = ev.trigger;
    spans.push({
      start: t.start,
      end: t.end,
      keys: [`ev:${ev.id}`],
      cls: ["trigger", `q${ev.quad_class}`],
    });
    const sentence = analysis.sentences[ev.sentence];
    const sources = ev.sources?.length ? ev.sources : [ev.source];
    const targets = ev.targets?.length ? ev.targets : [ev.target];
    for (const actor of sources) {
      for (const r of actorRanges(actor, analysis, mentionsOf, sentence, t))
        spans.push({ ...r, keys: [`src:${ev.id}`] });
    }
    for (const actor of targets) {
      for (const r of actorRanges(actor, analysis, mentionsOf, sentence, t))
        spans.push({ ...r, keys: [`tgt:${ev.id}`] });
    }
    if (ev.place) {
      const all = placeMentions.get(ev.place) ?? [];
      const here = inside(all, sentence);
      for (const r of here.length ? here : nearest(all, t.start))
        spans.push({ ...r, keys: [`evplace:${ev.id}`] });
    }
    if (ev.date && ev.date_source !== "published") {
      for (const d of inside(analysis.dates, sentence).filter((d) => d.value === ev.date)) {
        spans.push({ start: d.start, end: d.end, keys: [`evdate:${ev.id}`] });
      }
    }
  }
  return spans;
}

// A hand-written stacked bar timeline in SVG (no chart library): one bar per day, week or
// month, one coloured stack per series, a clickable legend.

import { h, s } from "./dom.js";

const MAX_FILLED_BUCKETS = 400;

function addInterval(date, interval) {
  const d = new Date(`${date}T00:00:00Z`);
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/** Every bucket from the first to the last, so gaps show as gaps. */
function buckets(dates, interval) {
  const sorted = [...new Set(dates)].sort();
  if (sorted.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(sorted[0])) return sorted;
  const all = [];
  for (let d = sorted[0]; d <= sorted.at(-1); d = addInterval(d, interval)) {
    all.push(d);
    if (all.length > MAX_FILLED_BUCKETS) return sorted;
  }
  return all;
}

/** The last day of a bucket (for a date-range filter). */
export function bucketEnd(date, interval) {
  const next = new Date(`${addInterval(date, interval)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Draw `series` ([{key, points: [{date, count}]}]) into `container`.
 * options: colors {key: css}, labels {key: text}, interval, active (Set of keys shown
 * strongly; empty = all), onBar(date), onLegend(key).
 */
export function stackedTimeline(container, series, options = {}) {
  const { colors = {}, labels = {}, interval = "day", active = new Set() } = options;
  const keys = series.map((x) => String(x.key));
  const counts = new Map(); // date -> {key: count}
  for (const x of series) {
    for (const p of x.points) {
      const row = counts.get(p.date) ?? {};
      row[String(x.key)] = (row[String(x.key)] ?? 0) + p.count;
      counts.set(p.date, row);
    }
  }
  const dates = buckets([...counts.keys()], interval);
  const width = Math.max(320, container.clientWidth || 800);
  const height = 170;
  const pad = { left: 36, right: 8, top: 8, bottom: 22 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const totals = dates.map((d) => keys.reduce((sum, k) => sum + (counts.get(d)?.[k] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = dates.length ? plotW / dates.length : plotW;
  const barW = Math.max(1, Math.min(40, step * 0.8));
  const y = (v) => pad.top + plotH - (v / max) * plotH;

  const svg = s("svg", {
    class: "timeline",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": "Timeline",
  });
  for (const tick of [0, Math.round(max / 2), max]) {
    svg.append(
      s("line", { class: "grid", x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick) }),
      s("text", { class: "tick", x: pad.left - 4, y: y(tick) + 4, "text-anchor": "end" }, tick),
    );
  }
  const labelEvery = Math.max(1, Math.ceil(dates.length / Math.max(1, Math.floor(plotW / 80))));
  dates.forEach((date, i) => {
    const x = pad.left + i * step + (step - barW) / 2;
    let base = 0;
    const group = s("g", { class: "bar", dataset: { date } });
    const parts = [];
    for (const key of keys) {
      const value = counts.get(date)?.[key] ?? 0;
      if (!value) continue;
      parts.push(`${labels[key] ?? key}: ${value}`);
      group.append(
        s("rect", {
          x,
          width: barW,
          y: y(base + value),
          height: Math.max(0.5, y(base) - y(base + value)),
          fill: colors[key] ?? "#5b7fa6",
          class: active.size && !active.has(key) ? "dim" : null,
          dataset: { key },
        }),
      );
      base += value;
    }
    if (parts.length) {
      group.prepend(s("title", {}, `${date}\n${parts.join("\n")}`));
      // a transparent full-height target makes thin bars easy to click
      group.prepend(
        s("rect", { class: "hit", x: pad.left + i * step, width: step, y: pad.top, height: plotH }),
      );
      if (options.onBar) group.addEventListener("click", () => options.onBar(date));
    }
    svg.append(group);
    if (i % labelEvery === 0) {
      svg.append(
        s(
          "text",
          {
            class: "tick",
            x: pad.left + i * step + step / 2,
            y: height - 6,
            "text-anchor": "middle",
          },
          date,
        ),
      );
    }
  });
  if (!dates.length) {
    svg.append(
      s(
        "text",
        { class: "tick", x: width / 2, y: height / 2, "text-anchor": "middle" },
        "No dated items.",
      ),
    );
  }

  const legend = h(
    "div",
    { class: "legend" },
    keys.map((key) =>
      h(
        "button",
        {
          type: "button",
          class: `legend-item${active.has(key) ? " on" : ""}${active.size && !active.has(key) ? " dim" : ""}`,
          "aria-pressed": active.has(key) ? "true" : "false",
          dataset: { key },
          on: { click: () => options.onLegend?.(key) },
        },
        h("span", { class: "swatch", "data-color": colors[key] ?? "" }),
        labels[key] ?? key,
      ),
    ),
  );
  // swatch colours through the CSSOM (allowed by the page's style policy)
  for (const swatch of legend.querySelectorAll(".swatch"))
    swatch.style.background = swatch.dataset.color;
  container.replaceChildren(svg, legend);
}

/**
 * GET /api/counts with the coarsest interval that still shows a shape: month, else week,
 * else day when fewer than four buckets have data. `interval` other than "auto" is used
 * as given. Returns the API's {interval, series}.
 */
export async function fetchCounts(getJSON, params, interval = "auto") {
  const tries = interval && interval !== "auto" ? [interval] : ["month", "week", "day"];
  let result = null;
  for (const each of tries) {
    result = await getJSON("/api/counts", { ...params, interval: each });
    const dates = new Set(result.series.flatMap((x) => x.points.map((p) => p.date)));
    if (dates.size >= 4) break;
  }
  return result;
}

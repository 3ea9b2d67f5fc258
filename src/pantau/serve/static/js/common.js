// Pieces every page shares: colours and names of QuadClasses, the Goldstein colour scale,
// formatting, links into the dashboard, and a sortable, paged table.

import { $$, h } from "./dom.js";

export const QUAD_NAMES = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};
export const QUAD_COLORS = { 1: "#7fbf7b", 2: "#1b7837", 3: "#f1a340", 4: "#b2182b" };

/** Mark the current page in the navigation bar. */
export function markNav() {
  const page = document.body.dataset.page;
  for (const link of $$("[data-nav]")) {
    if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
  }
}

const RED = [178, 24, 43];
const GREY = [170, 170, 170];
const BLUE = [33, 102, 172];

/** Goldstein score (-10 conflict .. +10 cooperation) -> colour, red through grey to blue. */
export function goldsteinColor(score) {
  const t = Math.max(-1, Math.min(1, (Number(score) || 0) / 10));
  const [from, to, f] = t < 0 ? [GREY, RED, -t] : [GREY, BLUE, t];
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** "2025-10-20T08:00:00" -> "2025-10-20"; missing -> "–". */
export function day(value) {
  return value ? String(value).slice(0, 10) : "–";
}

export function num(value, digits = 1) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

export function documentHref(id, hash = "") {
  return `/documents/${encodeURIComponent(id)}${hash ? `#${hash}` : ""}`;
}

export function pageHref(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A QuadClass badge. */
export function quadBadge(quad) {
  const badge = h("span", { class: `badge quad quad-${quad}`, title: QUAD_NAMES[quad] ?? "" });
  badge.textContent = `Q${quad}`;
  return badge;
}

/** "Source" of an event as its name with the CAMEO code next to it. */
export function actorLabel(name, code) {
  if (!name && !code) return h("span", { class: "muted" }, "–");
  return h("span", { class: "actor" }, name || code, code && name ? h("code", {}, code) : null);
}

/**
 * A table: columns are {label, sort?, render(row) -> node|string, class?}. Clicking a
 * sortable header calls onSort("col" or "-col").
 */
export function dataTable(columns, rows, { sort = "", onSort = null, caption = "" } = {}) {
  const header = columns.map((column) => {
    if (!column.sort || !onSort) return h("th", { class: column.class }, column.label);
    const active = sort.replace(/^-/, "") === column.sort;
    const descending = active && sort.startsWith("-");
    const next = active && !descending ? `-${column.sort}` : column.sort;
    return h(
      "th",
      {
        class: column.class,
        "aria-sort": active ? (descending ? "descending" : "ascending") : null,
      },
      h(
        "button",
        { type: "button", class: "sort", on: { click: () => onSort(next) } },
        column.label,
        active ? (descending ? " ▼" : " ▲") : "",
      ),
    );
  });
  const body = rows.length
    ? rows.map((row) =>
        h(
          "tr",
          {},
          columns.map((column) => h("td", { class: column.class }, column.render(row))),
        ),
      )
    : [h("tr", {}, h("td", { colspan: columns.length, class: "empty" }, "Nothing found."))];
  return h(
    "table",
    { class: "data" },
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, header)),
    h("tbody", {}, body),
  );
}

/** "1–50 of 123" with previous/next buttons; onPage(offset). */
export function pager(total, limit, offset, onPage) {
  const first = total ? offset + 1 : 0;
  const last = Math.min(total, offset + limit);
  return h(
    "div",
    { class: "pager" },
    h(
      "button",
      {
        type: "button",
        disabled: offset <= 0,
        on: { click: () => onPage(Math.max(0, offset - limit)) },
      },
      "‹ Previous",
    ),
    h("span", { class: "count" }, `${first}–${last} of ${total}`),
    h(
      "button",
      { type: "button", disabled: last >= total, on: { click: () => onPage(offset + limit) } },
      "Next ›",
    ),
  );
}

/** Fill a <select> with ["", "any"] and options [{value, label}], keeping its value. */
export function fillSelect(select, options, anyLabel = "any") {
  const value = select.value;
  select.replaceChildren(
    h("option", { value: "" }, anyLabel),
    ...options.map((o) => h("option", { value: o.value }, o.label)),
  );
  select.value = value;
}

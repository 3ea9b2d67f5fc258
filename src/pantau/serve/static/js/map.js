// "/map": the places of events on an offline world map. The basemap is the shipped,
// pre-projected Natural Earth 110m file (static/map/world-110m.json, equirectangular:
// x = lon + 180, y = 90 - lat in a 360 x 180 plane), drawn in SVG; zoom and pan change the
// viewBox. Places are clustered on a grid whose cells are a fixed number of screen
// pixels, so clusters split as you zoom in.

import { bindForm, getJSON, guarded, setUrlState, urlState } from "./api.js";
import { markNav, pageHref } from "./common.js";
import { $, fill, h, s } from "./dom.js";

const W = 360;
const H = 180;
const CELL_PX = 44;
const MAX_ZOOM = 64;

const view = { cx: W / 2, cy: H / 2, k: 1 };
let svg = null;
let countriesLayer = null;
let markersLayer = null;
let places = [];
let drawnK = null;

const project = (lon, lat) => [lon + 180, 90 - lat];

function pxPerUnit() {
  return (svg.clientWidth || 960) / (W / view.k);
}

function clampView() {
  view.k = Math.max(1, Math.min(MAX_ZOOM, view.k));
  const halfW = W / view.k / 2;
  const halfH = H / view.k / 2;
  view.cx = Math.max(halfW, Math.min(W - halfW, view.cx));
  view.cy = Math.max(halfH, Math.min(H - halfH, view.cy));
}

function applyView() {
  clampView();
  const w = W / view.k;
  const hh = H / view.k;
  svg.setAttribute("viewBox", `${view.cx - w / 2} ${view.cy - hh / 2} ${w} ${hh}`);
  if (drawnK !== view.k) drawMarkers();
  $("#map-status").textContent = `zoom ×${view.k.toFixed(view.k < 10 ? 1 : 0)}`;
}

function zoomAt(factor, ux = view.cx, uy = view.cy) {
  const k = Math.max(1, Math.min(MAX_ZOOM, view.k * factor));
  const f = view.k / k;
  // keep the point under the cursor where it is
  view.cx = ux + (view.cx - ux) * f;
  view.cy = uy + (view.cy - uy) * f;
  view.k = k;
  applyView();
}

/** Handlers running `action` on a click (not passed on to the map, which would take
 * it for a click on a country) or on Enter for keyboard users. */
function activate(action) {
  return {
    click: (event) => {
      event.stopPropagation();
      action();
    },
    keydown: (event) => {
      if (event.key === "Enter") action();
    },
  };
}

/** Places grouped by grid cell at the current zoom. */
function clusters() {
  const cell = CELL_PX / pxPerUnit();
  const cells = new Map();
  for (const place of places) {
    const key = `${Math.floor(place.x / cell)}:${Math.floor(place.y / cell)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(place);
  }
  return [...cells.values()].map((members) => {
    const weight = members.reduce((sum, p) => sum + p.weight, 0);
    return {
      members,
      weight,
      x: members.reduce((sum, p) => sum + p.x * p.weight, 0) / weight,
      y: members.reduce((sum, p) => sum + p.y * p.weight, 0) / weight,
    };
  });
}

function drawMarkers() {
  drawnK = view.k;
  const unit = 1 / pxPerUnit();
  const nodes = [];
  for (const c of clusters().sort((a, b) => b.weight - a.weight)) {
    if (c.members.length === 1) {
      const p = c.members[0];
      const r = (4 + Math.sqrt(p.weight) * 1.6) * unit;
      const marker = s(
        "circle",
        {
          class: `marker${p.events ? " has-events" : ""}`,
          cx: p.x,
          cy: p.y,
          r,
          tabindex: 0,
          dataset: { name: p.resolved || p.name },
          on: activate(() => showPlace(p)),
        },
        s("title", {}, `${p.resolved || p.name}: ${p.events} events, ${p.documents} documents`),
      );
      nodes.push(marker);
    } else {
      const r = (11 + 3 * Math.log2(c.members.length)) * unit;
      nodes.push(
        s(
          "g",
          {
            class: "cluster",
            tabindex: 0,
            dataset: { count: c.members.length },
            on: activate(() => zoomToCluster(c)),
          },
          s(
            "title",
            {},
            `${c.members.length} places: ${c.members
              .slice(0, 8)
              .map((p) => p.resolved || p.name)
              .join(", ")}${c.members.length > 8 ? ", …" : ""}`,
          ),
          s("circle", { cx: c.x, cy: c.y, r }),
          s(
            "text",
            { x: c.x, y: c.y, "font-size": 11 * unit, dy: 4 * unit, "text-anchor": "middle" },
            c.members.length,
          ),
        ),
      );
    }
  }
  markersLayer.replaceChildren(...nodes);
}

/** Zoom in until the cluster splits; places too close to split even at the largest
 * zoom (a city and its districts) are listed in the side panel instead. */
function zoomToCluster(c) {
  const xs = c.members.map((p) => p.x);
  const ys = c.members.map((p) => p.y);
  const spanX = Math.max(...xs) - Math.min(...xs);
  const spanY = Math.max(...ys) - Math.min(...ys);
  view.cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  view.cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const pxAtMax = (pxPerUnit() / view.k) * MAX_ZOOM;
  if (Math.max(spanX, spanY) * pxAtMax < CELL_PX) {
    view.k = Math.max(view.k, 16);
    applyView();
    showCluster(c);
    return;
  }
  const fit = Math.min(W / (spanX * 1.6 || 1), H / (spanY * 1.6 || 1));
  view.k = Math.max(view.k * 2, Math.min(MAX_ZOOM, fit));
  applyView();
}

function showCluster(c) {
  fill(
    $("#place"),
    h("h3", {}, `${c.members.length} places here`),
    h(
      "ul",
      { class: "items" },
      c.members.map((p) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "item", on: { click: () => showPlace(p) } },
            h("span", {}, p.resolved || p.name),
            h("span", { class: "sub" }, `${p.events} events · ${p.documents} docs`),
          ),
        ),
      ),
    ),
  );
}

function showPlace(p) {
  const name = p.resolved || p.name;
  fill(
    $("#place"),
    h("h3", {}, name),
    h(
      "dl",
      {},
      h("dt", {}, "Written"),
      h("dd", {}, p.name),
      h("dt", {}, "Feature"),
      h("dd", {}, p.feature || "–"),
      h("dt", {}, "Country"),
      h("dd", {}, p.country || "–"),
      h("dt", {}, "Coordinates"),
      h("dd", {}, `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`),
      h("dt", {}, "Documents"),
      h("dd", {}, String(p.documents)),
      h("dt", {}, "Events"),
      h("dd", {}, String(p.events)),
    ),
    h(
      "p",
      {},
      h("a", { href: pageHref("/events", { place: name }) }, "Events here ›"),
      " ",
      h("a", { href: pageHref("/", { q: name }) }, "Documents naming it ›"),
    ),
  );
}

function drawCountries(basemap, state) {
  const events = new Map();
  for (const p of places) events.set(p.country, (events.get(p.country) ?? 0) + p.events);
  const max = Math.max(1, ...events.values());
  countriesLayer.replaceChildren(
    ...basemap.countries.map((c) => {
      const n = events.get(c.iso3) ?? 0;
      const path = s(
        "path",
        {
          d: c.d,
          class: `country${n ? " has-events" : ""}${state.country && state.country === c.iso3 ? " selected" : ""}`,
          dataset: { iso3: c.iso3 ?? "" },
        },
        s("title", {}, n ? `${c.name}: ${n} events at its places` : c.name),
      );
      if (n) path.style.fillOpacity = String(0.25 + 0.6 * Math.sqrt(n / max));
      return path;
    }),
  );
}

function drawList() {
  const top = [...places]
    .sort((a, b) => b.events - a.events || b.documents - a.documents)
    .slice(0, 40);
  fill(
    $("#place-list"),
    top.length
      ? top.map((p) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: "item",
                on: {
                  click: () => {
                    view.cx = p.x;
                    view.cy = p.y;
                    view.k = Math.max(view.k, 8);
                    applyView();
                    showPlace(p);
                  },
                },
              },
              h("span", {}, p.resolved || p.name),
              h(
                "span",
                { class: "sub" },
                `${p.country ?? ""} · ${p.events} events · ${p.documents} docs`,
              ),
            ),
          ),
        )
      : h("li", { class: "muted" }, "No places with coordinates."),
  );
}

/** Drag to pan (a drag is not a click), wheel to zoom at the cursor. */
function interact(basemapState) {
  let drag = null;
  let moved = false;
  const toUnits = (event) => {
    const box = svg.getBoundingClientRect();
    const unit = 1 / pxPerUnit();
    return [
      view.cx + (event.clientX - box.left - box.width / 2) * unit,
      view.cy + (event.clientY - box.top - box.height / 2) * unit,
    ];
  };
  svg.addEventListener("pointerdown", (event) => {
    drag = { x: event.clientX, y: event.clientY, cx: view.cx, cy: view.cy };
    moved = false;
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!moved && Math.hypot(dx, dy) < 4) return;
    if (!moved) svg.setPointerCapture(event.pointerId);
    moved = true;
    view.cx = drag.cx - dx / pxPerUnit();
    view.cy = drag.cy - dy / pxPerUnit();
    applyView();
  });
  const end = () => {
    drag = null;
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  svg.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const [ux, uy] = toUnits(event);
      zoomAt(event.deltaY < 0 ? 1.25 : 0.8, ux, uy);
    },
    { passive: false },
  );
  svg.addEventListener("click", (event) => {
    if (moved) return;
    const country = event.target.closest?.(".country");
    if (!country?.dataset.iso3) return;
    const current = urlState().country;
    const next = current === country.dataset.iso3 ? "" : country.dataset.iso3;
    setUrlState({ ...urlState(), country: next });
    $("#filters").elements.country.value = next;
    basemapState.reload(urlState());
  });
  $("#zoom-in").addEventListener("click", () => zoomAt(2));
  $("#zoom-out").addEventListener("click", () => zoomAt(0.5));
  $("#zoom-reset").addEventListener("click", () => {
    Object.assign(view, { cx: W / 2, cy: H / 2, k: 1 });
    applyView();
  });
  window.addEventListener("resize", () => {
    drawnK = null;
    applyView();
  });
}

async function main() {
  markNav();
  svg = s("svg", {
    class: "world",
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": "World map with event places",
  });
  svg.append(s("rect", { class: "sea", x: -W, y: -H, width: 3 * W, height: 3 * H }));
  countriesLayer = s("g", { class: "countries" });
  markersLayer = s("g", { class: "markers" });
  svg.append(countriesLayer, markersLayer);
  fill($("#map"), svg);
  const basemap = await getJSON("/static/map/world-110m.json");
  const state = {
    reload: (params) =>
      guarded(async () => {
        const page = await getJSON("/api/places", {
          country: params.country,
          from: params.from,
          to: params.to,
          sort: "-events",
          limit: 500,
        });
        places = page.items
          .filter(
            (p) => p.lat !== null && p.lon !== null && p.lat !== undefined && p.lon !== undefined,
          )
          .filter((p) => params.show === "all" || p.events > 0)
          .map((p) => {
            const [x, y] = project(p.lon, p.lat);
            return { ...p, x, y, weight: Math.max(1, p.events || 0) };
          });
        drawCountries(basemap, params);
        drawnK = null;
        applyView();
        drawList();
        $("#map-status").textContent += ` · ${places.length} places`;
        document.body.dataset.ready = "true";
      }),
  };
  const reread = bindForm($("#filters"), state.reload);
  interact(state);
  await state.reload(reread());
}

guarded(main);

// "/network": who acts on whom. One node per actor, one arrow per (source, target) pair,
// as thick as their number of events and coloured by their mean Goldstein score (red for
// conflict, blue for cooperation). Nodes can be dragged; clicking one lists its edges.

import { bindForm, getJSON, guarded, newest } from "./api.js";
import { goldsteinColor, markNav, num, pageHref } from "./common.js";
import { $, fill, h, s } from "./dom.js";
import { forceLayout } from "./force.js";

const WIDTH = 960;
const HEIGHT = 620;

let graph = { nodes: [], edges: [] };
let edgeLayer = null;
let nodeLayer = null;
let selected = null;

const MAX_LABEL = 28;
const shortLabel = (label) =>
  label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
const radius = (node) => 5 + 2.2 * Math.sqrt(node.events || 1);
const strokeWidth = (edge) => Math.min(12, 1.2 + 1.8 * Math.log2(edge.count || 1));

/** A curved edge from a to b (curved so a->b and b->a stay apart), with its arrowhead. */
function edgeShape(edge) {
  const a = edge.from;
  const b = edge.to;
  const width = strokeWidth(edge);
  if (a === b) {
    const r = radius(a);
    const d = `M ${a.x - r * 0.6} ${a.y - r * 0.8} C ${a.x - r * 3} ${a.y - r * 5}, ${a.x + r * 3} ${a.y - r * 5}, ${a.x + r * 0.6} ${a.y - r * 0.8}`;
    return { d, head: null, width };
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = 0.12 * length;
  const cx = (a.x + b.x) / 2 - (dy / length) * bend;
  const cy = (a.y + b.y) / 2 + (dx / length) * bend;
  // end at the target's rim, along the curve's final direction
  const tx = b.x - cx;
  const ty = b.y - cy;
  const tl = Math.hypot(tx, ty) || 1;
  const ux = tx / tl;
  const uy = ty / tl;
  const headLength = 6 + width * 1.2;
  const tipX = b.x - ux * (radius(b) + 1);
  const tipY = b.y - uy * (radius(b) + 1);
  const baseX = tipX - ux * headLength;
  const baseY = tipY - uy * headLength;
  const half = headLength * 0.55;
  const head = `${tipX},${tipY} ${baseX - uy * half},${baseY + ux * half} ${baseX + uy * half},${baseY - ux * half}`;
  return { d: `M ${a.x} ${a.y} Q ${cx} ${cy} ${baseX} ${baseY}`, head, width };
}

function drawEdges() {
  edgeLayer.replaceChildren(
    ...graph.edges.map((edge) => {
      const { d, head, width } = edgeShape(edge);
      const color = goldsteinColor(edge.goldstein);
      const adjacent = selected && (edge.from === selected || edge.to === selected);
      return s(
        "g",
        {
          class: `edge${selected ? (adjacent ? " hl" : " dim") : ""}`,
          dataset: { source: edge.source, target: edge.target },
        },
        s(
          "title",
          {},
          `${edge.from.label} → ${edge.to.label}: ${edge.count} events, mean Goldstein ${num(edge.goldstein)}`,
        ),
        s("path", { d, stroke: color, "stroke-width": width, fill: "none" }),
        head ? s("polygon", { points: head, fill: color }) : null,
      );
    }),
  );
}

function drawNodes() {
  nodeLayer.replaceChildren(
    ...graph.nodes.map((node) => {
      const linked =
        selected &&
        graph.edges.some(
          (e) => (e.from === selected && e.to === node) || (e.to === selected && e.from === node),
        );
      const group = s(
        "g",
        {
          class: `node${node === selected ? " selected" : ""}${selected && node !== selected && !linked ? " dim" : ""}`,
          transform: `translate(${node.x} ${node.y})`,
          tabindex: 0,
          dataset: { id: node.id },
        },
        s("title", {}, `${node.label}: ${node.events} events`),
        s("circle", { r: radius(node) }),
        // labels of nodes near the right edge go to their left
        node.x > WIDTH * 0.8
          ? s("text", { x: -radius(node) - 3, y: 4, "text-anchor": "end" }, shortLabel(node.label))
          : s("text", { x: radius(node) + 3, y: 4 }, shortLabel(node.label)),
      );
      dragNode(group, node);
      return group;
    }),
  );
}

function redraw() {
  drawEdges();
  drawNodes();
}

/** Drag a node to move it; a press without movement selects it. */
function dragNode(group, node) {
  group.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    const svg = group.ownerSVGElement;
    const matrix = svg.getScreenCTM().inverse();
    const start = { x: event.clientX, y: event.clientY };
    let moved = false;
    const move = (e) => {
      if (!moved && Math.hypot(e.clientX - start.x, e.clientY - start.y) < 4) return;
      moved = true;
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix);
      node.x = Math.max(0, Math.min(WIDTH, p.x));
      node.y = Math.max(0, Math.min(HEIGHT, p.y));
      group.setAttribute("transform", `translate(${node.x} ${node.y})`);
      drawEdges();
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      if (!moved) selectNode(node === selected ? null : node);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  });
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") selectNode(node === selected ? null : node);
  });
}

function edgeList(title, edges, other) {
  if (!edges.length) return null;
  return [
    h("h3", {}, title),
    h(
      "ul",
      { class: "edge-list" },
      edges
        .sort((a, b) => b.count - a.count)
        .map((e) => {
          const score = h("span", { class: "goldstein" }, num(e.goldstein));
          score.style.background = goldsteinColor(e.goldstein);
          return h("li", {}, other(e).label, ` ×${e.count} `, score);
        }),
    ),
  ];
}

function selectNode(node) {
  selected = node;
  redraw();
  if (!node) {
    fill($("#actor"), h("p", { class: "muted" }, "Click a node."));
    return;
  }
  fill(
    $("#actor"),
    h("h3", { class: "actor-name" }, node.label),
    h(
      "p",
      {},
      `${node.events} events`,
      node.id !== node.label ? h("code", {}, ` ${node.id}`) : null,
    ),
    edgeList(
      "Acts on",
      graph.edges.filter((e) => e.from === node),
      (e) => e.to,
    ),
    edgeList(
      "Acted on by",
      graph.edges.filter((e) => e.to === node && e.from !== node),
      (e) => e.from,
    ),
    h(
      "p",
      {},
      h(
        "a",
        { href: pageHref("/events", { actor: node.id }) },
        `Events of ${node.id} in the explorer ›`,
      ),
    ),
  );
}

function legend() {
  const stops = [-10, -5, 0, 5, 10];
  fill(
    $("#network-legend"),
    h("span", {}, "mean Goldstein: "),
    stops.map((v) => {
      const swatch = h("span", { class: "goldstein" }, v > 0 ? `+${v}` : String(v));
      swatch.style.background = goldsteinColor(v);
      return swatch;
    }),
    h("span", { class: "muted" }, " · conflict ← → cooperation"),
  );
}

async function load(state) {
  const current = newest("network");
  const data = await getJSON("/api/network", {
    country: state.country,
    min_count: state.min_count,
    limit: state.limit || 100,
    from: state.from,
    to: state.to,
  });
  if (!current()) return;
  const nodes = data.nodes.map((n) => ({ ...n, label: n.label || n.id, weight: n.events || 1 }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges
    .map((e) => ({ ...e, from: byId.get(e.source), to: byId.get(e.target) }))
    .filter((e) => e.from && e.to);
  forceLayout(nodes, edges, WIDTH, HEIGHT);
  graph = { nodes, edges };
  selected = null;
  const svg = s("svg", {
    class: "graph",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": "Actor network",
  });
  edgeLayer = s("g", { class: "edges" });
  nodeLayer = s("g", { class: "nodes" });
  svg.append(edgeLayer, nodeLayer);
  if (!nodes.length) {
    svg.append(
      s(
        "text",
        { x: WIDTH / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "empty" },
        "No events between actors for these filters.",
      ),
    );
  }
  fill($("#network"), svg);
  redraw();
  selectNode(null);
  document.body.dataset.ready = "true";
}

markNav();
legend();
const reread = bindForm($("#filters"), (state) => guarded(() => load(state)));
guarded(() => load(reread()));

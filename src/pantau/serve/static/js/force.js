// A small, deterministic force-directed layout (Fruchterman-Reingold with gravity): the
// same network always gets the same picture, and a few hundred nodes lay out in well
// under a second without a library.

const GRAVITY = 0.06;

/**
 * nodes: [{id, weight}], edges: [{source, target, count}] (ids); lays out in a
 * width x height box and sets x, y on every node.
 */
export function forceLayout(nodes, edges, width, height, iterations = 300) {
  const n = nodes.length;
  if (!n) return;
  const margin = 40;
  const area = (width - 2 * margin) * (height - 2 * margin);
  const k = Math.sqrt(area / n) * 0.6;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  // start on a golden-angle spiral, heaviest nodes in the middle
  [...nodes]
    .sort((a, b) => b.weight - a.weight || String(a.id).localeCompare(String(b.id)))
    .forEach((node, i) => {
      const r = Math.sqrt(i + 0.5) * k * 0.5;
      const angle = i * 2.399963;
      node.x = width / 2 + r * Math.cos(angle);
      node.y = height / 2 + r * Math.sin(angle);
    });
  const links = edges
    .map((e) => [byId.get(e.source), byId.get(e.target), 1 + Math.log2(e.count || 1)])
    .filter(([a, b]) => a && b && a !== b);
  let temperature = width / 8;
  for (let step = 0; step < iterations; step++) {
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let x = nodes[i].x - nodes[j].x;
        let y = nodes[i].y - nodes[j].y;
        let d2 = x * x + y * y;
        if (d2 < 0.01) {
          x = 0.1 * (i - j);
          y = 0.1;
          d2 = x * x + y * y;
        }
        if (d2 > 9 * k * k) continue; // beyond 3k, repulsion is left to gravity's balance
        const f = (k * k) / d2; // repulsion k^2/d, along the unit vector (x, y)/d
        dx[i] += x * f;
        dy[i] += y * f;
        dx[j] -= x * f;
        dy[j] -= y * f;
      }
    }
    const index = new Map(nodes.map((node, i) => [node, i]));
    for (const [a, b, w] of links) {
      const x = a.x - b.x;
      const y = a.y - b.y;
      const d = Math.sqrt(x * x + y * y) || 0.01;
      const f = (d / k) * w; // attraction d^2/k
      const [i, j] = [index.get(a), index.get(b)];
      dx[i] -= x * f * 0.5;
      dy[i] -= y * f * 0.5;
      dx[j] += x * f * 0.5;
      dy[j] += y * f * 0.5;
    }
    for (let i = 0; i < n; i++) {
      const node = nodes[i];
      // gravity, a spring to the centre, keeps unconnected pairs from drifting to the edge
      dx[i] += (width / 2 - node.x) * GRAVITY;
      dy[i] += (height / 2 - node.y) * GRAVITY * (width / height);
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const move = Math.min(d, temperature);
      node.x = Math.max(margin, Math.min(width - margin, node.x + (dx[i] / d) * move));
      node.y = Math.max(margin, Math.min(height - margin, node.y + (dy[i] / d) * move));
    }
    temperature = Math.max(1, temperature * 0.985);
  }
}

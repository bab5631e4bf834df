/** Build-time figures for chapter 3. */
import * as Plot from "@observablehq/plot";
import type { Lang } from "../../src/i18n/lang.ts";

/**
 * The computational graph of z = u·v with u = x² and v = sin x: two paths from
 * x to z, each edge labelled with its local derivative. Every label is a
 * formula, read the same in both editions, so `lang` changes nothing here.
 */
export function ch3ChainPaths(lang: Lang): Plot.PlotOptions {
  const nodes = [
    { id: "x", x: 0, y: 0, label: "x" },
    { id: "u", x: 1, y: 0.6, label: "u = x²" },
    { id: "v", x: 1, y: -0.6, label: "v = sin x" },
    { id: "z", x: 2, y: 0, label: "z = u·v" },
  ];
  const at = (id: string) => nodes.find((n) => n.id === id)!;
  const edges = [
    // Each label sits on the outer side of its edge, clear of the arrow.
    { from: "x", to: "u", label: "du/dx = 2x", anchor: "end", dx: -6, dy: -10 },
    { from: "x", to: "v", label: "dv/dx = cos x", anchor: "end", dx: -6, dy: 12 },
    { from: "u", to: "z", label: "∂z/∂u = v", anchor: "start", dx: 6, dy: -10 },
    { from: "v", to: "z", label: "∂z/∂v = u", anchor: "start", dx: 6, dy: 12 },
  ].map((e) => {
    const a = at(e.from), b = at(e.to);
    // Shorten each edge so the arrow stops at the node's label, not under it.
    const t0 = 0.2, t1 = 0.78;
    return {
      ...e,
      x1: a.x + (b.x - a.x) * t0, y1: a.y + (b.y - a.y) * t0,
      x2: a.x + (b.x - a.x) * t1, y2: a.y + (b.y - a.y) * t1,
      mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2,
    };
  });
  return {
    width: 640,
    height: 260,
    marginLeft: 40,
    marginRight: 40,
    x: { axis: null, domain: [-0.15, 2.15] },
    y: { axis: null, domain: [-0.9, 0.9] },
    marks: [
      Plot.arrow(edges, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "#1d4ed8", strokeWidth: 1.6, headLength: 8 }),
      ...edges.map((e) =>
        Plot.text([e], { x: "mx", y: "my", text: "label", textAnchor: e.anchor as "start" | "end", dx: e.dx, dy: e.dy, fill: "#c2410c", fontSize: 13 }),
      ),
      Plot.text(nodes, { x: "x", y: "y", text: "label", fontSize: 15, fontWeight: "bold", fill: "currentColor" }),
    ],
  };
}

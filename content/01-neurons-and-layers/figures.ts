/** Build-time figures for chapter 1. */
import * as Plot from "@observablehq/plot";
import type { Lang } from "../../src/i18n/lang.ts";

/**
 * A fully connected network with 3 inputs, two hidden layers of 4 neurons and
 * 2 outputs: every neuron of a layer is joined to every neuron of the layer
 * before it, and to none in its own layer.
 */
export function ch1NetworkDiagram(lang: Lang): Plot.PlotOptions {
  const text = {
    en: {
      names: ["input layer", "hidden layer 1", "hidden layer 2", "output layer"],
      kinds: ["input", "hidden", "output"],
      count: (n: number, inputs: boolean) => `${n} ${inputs ? "inputs" : "neurons"}`,
    },
    "zh-CN": {
      names: ["输入层", "隐藏层 1", "隐藏层 2", "输出层"],
      kinds: ["输入", "隐藏", "输出"],
      count: (n: number, inputs: boolean) => `${n} 个${inputs ? "输入" : "神经元"}`,
    },
  }[lang];
  const sizes = [3, 4, 4, 2];
  const names = text.names;
  /** Legend entries (and the colour scale's domain): input, hidden, output. */
  const [input, hidden, output] = text.kinds;
  const nodes: { layer: number; x: number; y: number; kind: string }[] = [];
  sizes.forEach((n, l) => {
    for (let i = 0; i < n; i++) {
      nodes.push({ layer: l, x: l, y: (n - 1) / 2 - i, kind: l === 0 ? input : l === sizes.length - 1 ? output : hidden });
    }
  });
  const edges: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (const a of nodes) {
    for (const b of nodes) if (b.layer === a.layer + 1) edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  const labels = names.map((name, l) => ({ x: l, y: 2.35, name, count: text.count(sizes[l], l === 0) }));
  return {
    width: 640,
    height: 320,
    marginTop: 10,
    marginBottom: 10,
    marginLeft: 50,
    marginRight: 50,
    x: { axis: null, domain: [-0.2, 3.2] },
    y: { axis: null, domain: [-2.1, 2.6] },
    color: { domain: [input, hidden, output], range: ["#64748b", "#1d4ed8", "#c2410c"], legend: true },
    marks: [
      Plot.link(edges, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "currentColor", strokeOpacity: 0.35 }),
      Plot.dot(nodes, { x: "x", y: "y", r: 11, fill: "kind", stroke: "currentColor", strokeWidth: 1 }),
      Plot.text(labels, { x: "x", y: "y", text: "name", fontWeight: "bold", fontSize: 12 }),
      Plot.text(labels, { x: "x", y: "y", text: "count", dy: 15, fontSize: 11 }),
    ],
  };
}

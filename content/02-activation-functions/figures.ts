/** Build-time figures for chapter 2. */
import * as Plot from "@observablehq/plot";
import { createElu, createLeakyRelu, heaviside, relu, sigmoid, tanh, type ActivationFunction } from "nn";
import type { Lang } from "../../src/i18n/lang.ts";

/** The activations of the gallery, in reading order, with the label of each panel in each edition. */
const gallery: { label: Record<Lang, string>; act: ActivationFunction }[] = [
  { label: { en: "step", "zh-CN": "阶跃函数" }, act: heaviside },
  { label: { en: "sigmoid", "zh-CN": "Sigmoid" }, act: sigmoid },
  { label: { en: "tanh", "zh-CN": "tanh" }, act: tanh },
  { label: { en: "ReLU", "zh-CN": "ReLU" }, act: relu },
  { label: { en: "leaky ReLU (α = 0.1)", "zh-CN": "Leaky ReLU（α = 0.1）" }, act: createLeakyRelu(0.1) },
  { label: { en: "ELU (α = 1)", "zh-CN": "ELU（α = 1）" }, act: createElu(1) },
];

/** The y axis's label in each edition. */
const valueLabel: Record<Lang, string> = { en: "value", "zh-CN": "值" };

/**
 * Every scalar activation of the chapter (value and derivative) on one grid
 * of panels, computed from the library's own `f` and `df` at 321 points each.
 */
export function ch2ActivationGallery(lang: Lang): Plot.PlotOptions {
  const rows: { z: number; value: number; curve: string; panel: string; col: number; row: number }[] = [];
  const labels: { panel: string; col: number; row: number }[] = [];
  gallery.forEach(({ label: labelIn, act }, k) => {
    const label = labelIn[lang];
    const col = k % 2, row = Math.floor(k / 2);
    labels.push({ panel: label, col, row });
    for (let i = 0; i <= 320; i++) {
      const z = -4 + (8 * i) / 320;
      rows.push({ z, value: act.f(z), curve: "f(z)", panel: label, col, row });
      // The step's derivative is 0 on both sides; at z = 0 itself it does not exist, so the curve has a gap there.
      const slope = act === heaviside && Math.abs(z) < 1e-9 ? NaN : act.df(z);
      rows.push({ z, value: slope, curve: "f′(z)", panel: label, col, row });
    }
  });
  return {
    width: 640,
    height: 600,
    marginLeft: 40,
    x: { label: "z", domain: [-4, 4], grid: true, ticks: [-4, -2, 0, 2, 4] },
    y: { label: valueLabel[lang], domain: [-1.5, 2.5], grid: true },
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.15 },
    color: { legend: true, domain: ["f(z)", "f′(z)"], range: ["#1d4ed8", "#c2410c"] },
    marks: [
      Plot.frame({ strokeOpacity: 0.3 }),
      Plot.ruleY([0], { strokeOpacity: 0.5 }),
      Plot.ruleX([0], { strokeOpacity: 0.5 }),
      Plot.line(rows.filter((d) => d.curve === "f(z)"), { x: "z", y: "value", stroke: "curve", fx: "col", fy: "row", strokeWidth: 2.5, clip: true }),
      Plot.line(rows.filter((d) => d.curve === "f′(z)"), {
        x: "z", y: "value", stroke: "curve", fx: "col", fy: "row", strokeWidth: 2, strokeDasharray: "6 3", clip: true,
      }),
      Plot.text(labels, { fx: "col", fy: "row", text: "panel", frameAnchor: "top-left", dx: 6, dy: 6, fontWeight: "bold", fontSize: 12 }),
    ],
  };
}

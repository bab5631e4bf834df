/** Build-time figures for chapter 0. */
import * as Plot from "@observablehq/plot";
import type { Lang } from "../../src/i18n/lang.ts";

/** The logistic sigmoid and its slope, drawn from the formula at 201 points. */
export function sigmoidAndSlope(lang: Lang): Plot.PlotOptions {
  const text = { en: { value: "value" }, "zh-CN": { value: "函数值" } }[lang];
  const rows = [];
  for (let i = 0; i <= 200; i++) {
    const z = -6 + (12 * i) / 200;
    const s = 1 / (1 + Math.exp(-z));
    rows.push({ z, value: s, curve: "σ(z)" }, { z, value: s * (1 - s), curve: "σ′(z)" });
  }
  return {
    width: 640,
    height: 300,
    x: { label: "z", grid: true },
    y: { label: text.value, grid: true, domain: [0, 1] },
    color: { legend: true, range: ["#1d4ed8", "#c2410c"] },
    marks: [Plot.ruleY([0]), Plot.ruleX([0]), Plot.line(rows, { x: "z", y: "value", stroke: "curve", strokeWidth: 2 })],
  };
}

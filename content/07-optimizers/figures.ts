/** Build-time figures for chapter 7. */
import * as Plot from "@observablehq/plot";
import { Adam, Matrix, Momentum, RMSProp, SGD, createParam, type Optimizer } from "nn";
import type { Lang } from "../../src/i18n/lang.ts";

const KAPPA = 100;
const f = (x: number, y: number) => 0.5 * (x * x + KAPPA * y * y);

/** The path of one optimiser on f from (−4, 1.5), using the library's own optimiser. */
function path(label: string, opt: Optimizer, steps: number) {
  const w = createParam("xy", Matrix.from([[-4, 1.5]]));
  const rows = [{ optimizer: label, step: 0, x: -4, y: 1.5 }];
  for (let t = 1; t <= steps; t++) {
    const [x, y] = w.value.data;
    w.grad.data[0] = x;
    w.grad.data[1] = KAPPA * y;
    opt.step([w]);
    rows.push({ optimizer: label, step: t, x: w.value.data[0], y: w.value.data[1] });
  }
  return rows;
}

/** SGD, momentum, RMSProp and Adam for 100 steps on ½(x² + 100y²), over its level curves. */
export function ch7QuadraticRace(lang: Lang): Plot.PlotOptions {
  const text = {
    en: { legend: "optimiser", momentum: "momentum" },
    "zh-CN": { legend: "优化器", momentum: "动量法" },
  }[lang];
  const rows = [
    ...path("SGD", new SGD({ lr: 0.019 }), 100),
    ...path(text.momentum, new Momentum({ lr: 0.01 }), 100),
    ...path("RMSProp", new RMSProp({ lr: 0.1 }), 100),
    ...path("Adam", new Adam({ lr: 0.3 }), 100),
  ];
  const levels = [0.05, 0.2, 0.5, 1, 2, 4, 8, 16, 32, 64];
  return {
    width: 640,
    height: 340,
    x: { label: "x", domain: [-4.5, 4.5] },
    y: { label: "y", domain: [-2, 2] },
    color: { legend: true, label: text.legend, domain: ["SGD", text.momentum, "RMSProp", "Adam"] },
    marks: [
      Plot.contour({ x1: -4.5, x2: 4.5, y1: -2, y2: 2, width: 240, height: 120, value: f, thresholds: levels, stroke: "#999", strokeOpacity: 0.8 }),
      Plot.line(rows, { x: "x", y: "y", stroke: "optimizer", z: "optimizer", strokeWidth: 1.5 }),
      Plot.dot(rows, { x: "x", y: "y", fill: "optimizer", r: 1.5 }),
      Plot.dot([{ x: -4, y: 1.5 }], { x: "x", y: "y", r: 5, stroke: "currentColor", strokeWidth: 2 }),
      Plot.frame(),
    ],
  };
}

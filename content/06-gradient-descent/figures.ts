/** Build-time figures for chapter 6. */
import * as Plot from "@observablehq/plot";
import type { Lang } from "../../src/i18n/lang.ts";

/** The panel titles and the y axis's label of ch6ConvexVsNonConvex, in each edition. */
const convexWords: Record<Lang, { convex: string; nonConvex: string; loss: string }> = {
  en: { convex: "convex: J(θ) = θ²", nonConvex: "non-convex: q(θ) = θ⁴ − 4θ² + θ", loss: "loss" },
  "zh-CN": { convex: "凸函数：J(θ) = θ²", nonConvex: "非凸函数：q(θ) = θ⁴ − 4θ² + θ", loss: "损失" },
};

/**
 * A convex function and a non-convex one, each with a chord: above the graph
 * for the convex bowl θ², below the hump for q(θ) = θ⁴ − 4θ² + θ (the chord
 * joins q's two local minima).
 */
export function ch6ConvexVsNonConvex(lang: Lang): Plot.PlotOptions {
  const words = convexWords[lang];
  const convex = (t: number) => t * t;
  const q = (t: number) => t ** 4 - 4 * t ** 2 + t;
  const dq = (t: number) => 4 * t ** 3 - 8 * t + 1;
  // The two local minima of q, by Newton's method on q′ from either side.
  const minimum = (t: number) => {
    for (let i = 0; i < 50; i++) t -= dq(t) / (12 * t * t - 8);
    return t;
  };
  const panels = [
    { name: words.convex, f: convex, lo: -2.4, hi: 2.4, a: -2, b: 1.5 },
    { name: words.nonConvex, f: q, lo: -2.25, hi: 2.15, a: minimum(-1.5), b: minimum(1.4) },
  ];
  const curves = panels.flatMap((p) =>
    Array.from({ length: 201 }, (_, i) => {
      const t = p.lo + ((p.hi - p.lo) * i) / 200;
      return { panel: p.name, theta: t, value: p.f(t) };
    }),
  );
  const chords = panels.flatMap((p) => [
    { panel: p.name, theta: p.a, value: p.f(p.a) },
    { panel: p.name, theta: p.b, value: p.f(p.b) },
  ]);
  return {
    width: 720,
    height: 300,
    fx: { label: null, domain: panels.map((p) => p.name) },
    x: { label: "θ", grid: true },
    y: { label: words.loss, grid: true, domain: [-6, 6.5] },
    marks: [
      Plot.frame({ stroke: "#d0d7de" }),
      Plot.line(curves, { fx: "panel", x: "theta", y: "value", stroke: "#1d4ed8", strokeWidth: 2 }),
      Plot.line(chords, { fx: "panel", x: "theta", y: "value", stroke: "#c2410c", strokeWidth: 2, strokeDasharray: "5 3" }),
      Plot.dot(chords, { fx: "panel", x: "theta", y: "value", fill: "#c2410c", r: 4 }),
    ],
  };
}

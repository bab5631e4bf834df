/**
 * The page draws Plot figures without Plot's per-figure <style> elements
 * (render-plot.ts removes them: each one added to the document restyles the
 * whole page) and carries their rules once, in site.css. This keeps the two
 * equal: every rule Plot writes, for a plot, a ramp legend and both kinds of
 * swatch legend, is in site.css word for word (whitespace aside).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

const css = readFileSync(new URL("../../src/styles/site.css", import.meta.url), "utf8");
const squash = (s: string) => s.replace(/\s+/g, " ").replace(/\s*([{};,>])\s*/g, "$1").trim();

/** Each `selector { declarations }` rule of a stylesheet text, whitespace squashed. */
function rules(text: string): string[] {
  return [...squash(text).matchAll(/[^{}]+\{[^{}]*\}/g)].map((m) => m[0].replace(/;\}$/, "}"));
}

function plotStyles(options: Record<string, unknown>): string[] {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions & { document: unknown }) as unknown as Element;
  return [...node.querySelectorAll("style")].flatMap((s) => rules(s.textContent ?? ""));
}

describe("Plot's figure styles in site.css", () => {
  const site = new Set(rules(css.replace(/\/\*[\s\S]*?\*\//g, "")));
  const data = [{ x: 1, y: 2, c: "a" }, { x: 2, y: 1, c: "b" }];
  const cases: [string, Record<string, unknown>][] = [
    ["a plot", { marks: [Plot.dot(data, { x: "x", y: "y" })] }],
    ["a swatch legend that wraps", { color: { legend: true }, marks: [Plot.dot(data, { x: "x", y: "y", fill: "c" })] }],
    ["a swatch legend in columns", { color: { legend: true, columns: 2 }, marks: [Plot.dot(data, { x: "x", y: "y", fill: "c" })] }],
    ["a ramp legend", { color: { legend: true, type: "threshold", domain: [1.5] }, marks: [Plot.dot(data, { x: "x", y: "y", fill: "x" })] }],
  ];
  it.each(cases)("has every rule Plot writes for %s", (_what, options) => {
    const written = plotStyles(options);
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((r) => !site.has(r))).toEqual([]);
  });
});

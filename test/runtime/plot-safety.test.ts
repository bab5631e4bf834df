/**
 * Plots with hostile data: links are allow-listed on the page side and big
 * data is sampled in the worker, with the numbers the page shows.
 */
import { describe, expect, it } from "vitest";
import { createPlot, MAX_MARK_POINTS, MAX_PLOT_POINTS, serializePlot } from "../../src/runtime/plot-spec.ts";
import { safePlotData, safeUrl } from "../../src/runtime/plot-safety.ts";

const BASE = "https://course.example/chapter/";
const Plot = createPlot();

describe("safeUrl(value, base)", () => {
  it("allows http(s), mailto, fragments and relative URLs; refuses script and data schemes however written", () => {
    expect(safeUrl("https://a.example/x", BASE)).toBe("https://a.example/x");
    expect(safeUrl("mailto:me@a.example", BASE)).toBe("mailto:me@a.example");
    expect(safeUrl("#fig-1", BASE)).toBe("#fig-1");
    expect(safeUrl("../other/", BASE)).toBe("https://course.example/other/");
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "\u0000javascript:x", "data:text/html,<b>", "vbscript:x", "blob:https://a/x", 42, null]) {
      expect(safeUrl(bad, BASE)).toBeNull();
    }
  });
});

describe("safePlotData(spec, base)", () => {
  it("turns every href a cell provides (an array or a field of the data) into an allow-listed link or none", () => {
    const rows = [{ x: 1, u: "javascript:alert(1)" }, { x: 2, u: "https://ok.example/" }];
    const byField = safePlotData(serializePlot(Plot.dot(rows, { x: "x", href: "u" }).plot()), BASE);
    expect(byField.marks[0].options.href).toEqual([null, "https://ok.example/"]);
    const byFn = safePlotData(serializePlot(Plot.dot(rows, { x: "x", href: (d: { u: string }) => d.u }).plot()), BASE);
    expect(byFn.marks[0].options.href).toEqual([null, "https://ok.example/"]);
  });

  it("drops script-capable strings in other options and cleans class names; text channels stay", () => {
    const spec = serializePlot(
      Plot.plot({
        style: { background: "url(https://track.example/px)" },
        className: 'x" onload="alert(1)',
        marks: [Plot.text([{ t: "javascript:shown as text" }], { text: "t", fill: "url(https://track.example/#p)", title: "t", ariaLabel: "a label" })],
      }),
    );
    const safe = safePlotData(spec, BASE);
    expect(safe.style).toEqual({});
    expect(safe.className).toBe("x onloadalert1");
    expect(safe.marks[0].options).toEqual({ text: "t", title: "t", ariaLabel: "a label" });
    expect(safe.marks[0].data).toEqual([{ t: "javascript:shown as text" }]);
  });
});

describe("serializePlot: absurd data is sampled in the worker", () => {
  it("keeps at most MAX_MARK_POINTS per mark, evenly (first and last kept), and says how many", () => {
    const n = 1_000_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i);
    const spec = serializePlot(Plot.dot(xs, { x: (d: number) => d, y: (_d: number, i: number) => i * 2 }).plot());
    expect(spec.sampled).toEqual([{ mark: "dot", shown: MAX_MARK_POINTS, total: n }]);
    const mark = spec.marks[0];
    expect(mark.data).toHaveLength(MAX_MARK_POINTS);
    expect(mark.data?.[0]).toBe(0);
    expect(mark.data?.at(-1)).toBe(n - 1);
    expect((mark.options.y as number[]).at(-1)).toBe((n - 1) * 2); // channels keep each row's original index
  });

  it("caps the points of all marks of one plot together", () => {
    const big = Array.from({ length: 50_000 }, (_, i) => i);
    const spec = serializePlot(Plot.plot({ marks: [Plot.dot(big), Plot.dot(big), Plot.dot(big), Plot.dot(big)] }));
    const total = spec.marks.reduce((s, m) => s + (m.data?.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(MAX_PLOT_POINTS + 3 * 100);
    expect(spec.sampled).toHaveLength(4);
  });

  it("refuses a raster grid too big to draw", () => {
    expect(() => serializePlot(Plot.raster({ fill: () => 1, x1: 0, x2: 1, y1: 0, y2: 1, width: 5000, height: 5000 }).plot())).toThrow(/raster grid 5000×5000 is too big/);
  });
});

/** createPlot(): Observable Plot's API names building serialisable data; serializePlot(spec). */
import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { MARK_NAMES, createPlot, isPlotSpec, serializePlot } from "../../src/runtime/plot-spec.ts";

const Plot = createPlot();

describe("Plot.plot(options)", () => {
  it("builds { kind: 'plot', options } with marks", () => {
    const spec = Plot.plot({ width: 300, y: { label: "loss" }, marks: [Plot.lineY([3, 2, 1]), Plot.ruleY([0])] });
    expect(isPlotSpec(spec)).toBe(true);
    expect(serializePlot(spec)).toEqual({
      width: 300,
      y: { label: "loss" },
      marks: [
        { mark: "lineY", data: [3, 2, 1], options: {} },
        { mark: "ruleY", data: [0], options: {} },
      ],
    });
  });

  it("every mark name exists", () => {
    for (const m of MARK_NAMES) expect(typeof Plot[m]).toBe("function");
  });

  it("nested mark arrays and nulls are flattened as in Plot", () => {
    const spec = Plot.plot({ marks: [[Plot.frame()], null, Plot.gridY()] });
    expect(serializePlot(spec).marks.map((m) => m.mark)).toEqual(["frame", "gridY"]);
  });

  it("mark.plot(options) is the shorthand", () => {
    expect(serializePlot(Plot.dot([[1, 2]]).plot({ grid: true }))).toEqual({ grid: true, marks: [{ mark: "dot", data: [[1, 2]], options: {} }] });
  });

  it("a function anywhere in plot options → error naming the option path", () => {
    expect(() => Plot.plot({ x: { tickFormat: (d: number) => `${d}` }, marks: [] })).toThrow('plot: option "x.tickFormat" is a function');
  });

  it("a non-mark in marks → error", () => {
    expect(() => Plot.plot({ marks: [{ mark: "lineY" }] })).toThrow("plot: marks[0] is not a mark");
  });
});

describe("marks", () => {
  it("channel functions are materialised into arrays", () => {
    const data = [{ t: 0, v: 2 }, { t: 1, v: 3 }];
    const m = serializePlot(Plot.plot({ marks: [Plot.dot(data, { x: (d: { t: number }) => d.t * 10, y: "v", fill: (_d: unknown, i: number) => (i ? "red" : "blue") })] })).marks[0];
    expect(m.options).toEqual({ x: [0, 10], y: "v", fill: ["blue", "red"] });
    expect(m.data).toEqual(data);
  });

  it("a non-channel function option → error naming it", () => {
    expect(() => Plot.lineY([1], { sort: (a: number, b: number) => a - b })).toThrow('plot: lineY option "sort" is a function');
  });

  it("a channel function that throws names the mark, channel and datum", () => {
    const spec = Plot.plot({ marks: [Plot.dot([1, 2], { x: (d: number) => { if (d === 2) throw new Error("bad"); return d } })] });
    expect(() => serializePlot(spec)).toThrow('plot: dot channel "x" threw at datum 1: bad');
  });

  it("typed arrays and matrices become plain arrays (a matrix: one array per row)", () => {
    const m = serializePlot(Plot.plot({ marks: [Plot.lineY(new Float64Array([1, 2])), Plot.dot(Matrix.from([[1, 2], [3, 4]]), { x: (r: number[]) => r[0], y: (r: number[]) => r[1] })] })).marks;
    expect(m[0].data).toEqual([1, 2]);
    expect(m[1].data).toEqual([[1, 2], [3, 4]]);
    expect(m[1].options).toEqual({ x: [1, 3], y: [2, 4] });
  });

  it("data-optional marks accept options only", () => {
    expect(serializePlot(Plot.plot({ marks: [Plot.frame({ stroke: "red" })] })).marks[0]).toEqual({ mark: "frame", data: null, options: { stroke: "red" } });
  });

  it("raster with fill(x, y) is sampled on the grid as Plot would", () => {
    const spec = Plot.plot({ marks: [Plot.raster({ fill: (x: number, y: number) => x + 10 * y, x1: 0, x2: 2, y1: 0, y2: 2, width: 2, height: 2 })] });
    const m = serializePlot(spec).marks[0];
    expect(m.data).toEqual([5.5, 6.5, 15.5, 16.5]);
    expect(m.options).toMatchObject({ width: 2, height: 2, x1: 0, x2: 2, fill: [5.5, 6.5, 15.5, 16.5] });
  });

  it("a raster's grid of rows is drawn whole, not sampled like dots (a sampled grid draws as stripes)", async () => {
    const { safePlotData } = await import("../../src/runtime/plot-safety.ts");
    const grid = Array.from({ length: 120 * 80 }, (_, i) => ({ x: i % 120, y: Math.floor(i / 120), v: i }));
    const spec = Plot.plot({ marks: [Plot.raster(grid, { x: "x", y: "y", fill: "v", width: 120, height: 80 }), Plot.dot(grid, { x: "x", y: "y" })] });
    const data = serializePlot(spec);
    expect(data.marks[0].data).toHaveLength(9600);
    expect(data.sampled).toEqual([{ mark: "dot", shown: 2000, total: 9600 }]); // the raster does not use up the plot's point budget
    expect(safePlotData(data, "https://example.org/").marks[0].data).toHaveLength(9600);
  });

  it("serialised output is structured-clonable", () => {
    const spec = Plot.plot({ marks: [Plot.lineY([{ a: 1, f: () => 1 }], { y: "a" })] });
    const data = serializePlot(spec);
    expect(structuredClone(data)).toEqual(data);
  });
});

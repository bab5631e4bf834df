/** toRich(value, options) and richToText(rich). */
import { describe, expect, it } from "vitest";
import { checkLayer, checkScalarFunction } from "../../src/nn/gradcheck.ts";
import { Dense } from "../../src/nn/dense.ts";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { createPlot } from "../../src/runtime/plot-spec.ts";
import { formatNumber, richToText, toRich } from "../../src/runtime/rich.ts";

describe("toRich(value)", () => {
  it("primitives", () => {
    expect(toRich(1.5)).toEqual({ kind: "number", value: 1.5 });
    expect(toRich("s")).toEqual({ kind: "string", value: "s" });
    expect(toRich(true)).toEqual({ kind: "boolean", value: true });
    expect(toRich(null)).toEqual({ kind: "null" });
    expect(toRich(undefined)).toEqual({ kind: "undefined" });
    expect(toRich(10n)).toEqual({ kind: "bigint", value: "10" });
    expect(toRich(Symbol("q"))).toEqual({ kind: "symbol", description: "q" });
  });

  it("long strings are truncated with a count", () => {
    expect(toRich("abcdef", { maxString: 4 })).toEqual({ kind: "string", value: "abcd", truncated: 2 });
  });

  it("arrays are truncated past maxItems and keep their length", () => {
    const r = toRich(Array.from({ length: 1000 }, (_, i) => i), { maxItems: 3 });
    expect(r).toEqual({ kind: "array", length: 1000, items: [0, 1, 2].map((value) => ({ kind: "number", value })) });
    expect(richToText(r)).toBe("[0, 1, 2, … 997 more items]");
  });

  it("typed arrays", () => {
    expect(toRich(new Float64Array([1, 2, 3]), { maxItems: 2 })).toEqual({ kind: "typed-array", type: "Float64Array", length: 3, values: [1, 2] });
  });

  it("Matrix: an aligned table, big ones keep first and last rows/columns", () => {
    const m = Matrix.from([[1, -2.5], [30, 4]]);
    const r = toRich(m);
    expect(r).toEqual({ kind: "matrix", rows: 2, cols: 2, rowIndex: [0, 1], colIndex: [0, 1], values: [[1, -2.5], [30, 4]] });
    expect(richToText(r)).toBe("Matrix 2x2\n   1  -2.5\n  30     4");
    const big = toRich(new Matrix(100, 50), { maxRows: 4, maxCols: 4 });
    expect(big).toMatchObject({ kind: "matrix", rows: 100, cols: 50, rowIndex: [0, 1, 98, 99], colIndex: [0, 1, 48, 49] });
    expect(richToText(big).split("\n")).toHaveLength(6);
  });

  it("plain objects: depth-limited, cycles marked, shared references not mistaken for cycles", () => {
    const o: Record<string, unknown> = { a: 1, nested: { deeper: { deepest: { gone: 1 } } } };
    o.self = o;
    const shared = { s: 1 };
    const r = toRich({ o, x: shared, y: shared }, { maxDepth: 3 });
    expect(richToText(r)).toBe("{ o: { a: 1, nested: { deeper: [Object] }, self: [Circular Object] }, x: { s: 1 }, y: { s: 1 } }");
  });

  it("too many keys are counted", () => {
    const big = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]));
    expect(toRich(big)).toMatchObject({ kind: "object", more: 10 });
  });

  it("Map, Set, Error, Date, RegExp, Promise, class instances and functions (name only)", () => {
    expect(richToText(toRich(new Map([["a", 1]])))).toBe('Map(1) { "a" => 1 }');
    expect(richToText(toRich(new Set([1, 2])))).toBe("Set(2) { 1, 2 }");
    expect(toRich(new TypeError("bad"))).toMatchObject({ kind: "error", name: "TypeError", message: "bad" });
    expect(toRich(new Date(0))).toEqual({ kind: "date", iso: "1970-01-01T00:00:00.000Z" });
    expect(toRich(/a+/g)).toEqual({ kind: "regexp", source: "/a+/g" });
    expect(toRich(Promise.resolve())).toEqual({ kind: "promise" });
    class Foo { x = 1 }
    expect(toRich(new Foo())).toEqual({ kind: "object", ctor: "Foo", entries: [["x", { kind: "number", value: 1 }]], more: 0 });
    expect(toRich(function named() {})).toEqual({ kind: "function", name: "named", isClass: false });
    expect(toRich(Foo)).toEqual({ kind: "function", name: "Foo", isClass: true });
  });

  it("a throwing getter does not break the display", () => {
    const o = { get bad() { throw new Error("nope") }, ok: 1 };
    expect(richToText(toRich(o))).toBe("{ bad: GetterError: nope, ok: 1 }");
  });

  it("nn-shaped objects: a Value, a model with layers and parameter counts, a gradient-check report", () => {
    const value = { data: 2, grad: 0.5, label: "a", op: "", children: [], backward() {} };
    expect(toRich(value)).toEqual({ kind: "value", data: 2, grad: 0.5, label: "a", op: "" });

    const param = (name: string, r: number, c: number) => ({ name, value: new Matrix(r, c), grad: new Matrix(r, c) });
    const dense = { kind: "Dense", describe: () => "Dense(2 → 3)", forward: () => {}, backward: () => {}, parameters: () => [param("0.W", 2, 3), param("0.b", 1, 3)] };
    const act = { kind: "Activation", describe: () => "tanh", forward: () => {}, backward: () => {}, parameters: () => [] };
    class Sequential {
      layers = [dense, act];
      parameters() { return this.layers.flatMap((l) => l.parameters()); }
    }
    expect(toRich(new Sequential())).toEqual({
      kind: "model",
      name: "Sequential",
      layers: [
        { index: 0, name: "Dense", kind: "Dense", description: "Dense(2 → 3)", outputFeatures: null, params: 9 },
        { index: 1, name: "Activation", kind: "Activation", description: "tanh", outputFeatures: null, params: 0 },
      ],
      totalParams: 9,
      summary: undefined,
    });
    expect(toRich(dense)).toMatchObject({ kind: "layer", paramShapes: [{ name: "0.W", shape: "2x3" }, { name: "0.b", shape: "1x3" }] });

    const report = {
      ok: false, band: "wrong", maxError: 0.5, meanError: 0.1,
      worst: { param: "0.W", index: [1, 2], analytic: 1, numeric: 2, error: 0.5 },
      perParam: [{ name: "0.W", maxError: 0.5, meanError: 0.1, band: "wrong", count: 6 }],
      kinks: 0, problems: ["gradient accumulates"],
    };
    const r = toRich(report);
    expect(r).toMatchObject({ kind: "gradcheck", report: { ok: false, worst: { param: "0.W", index: [1, 2] } } });
    expect(richToText(r)).toContain("gradient check: FAILED (wrong)");
  });

  it("a check whose elements all agree within rounding noise shows their real error, not 0", async () => {
    // A Dense layer is linear in W and b: every element is within rounding noise.
    const rng = createRng(3);
    const layer = new Dense(3, 2, { rng });
    const x = Matrix.from([[0.1, -0.2, 0.3], [0.5, 0.4, -0.6]]);
    const report = await checkLayer(layer, x, rng);
    const text = richToText(toRich(report));
    expect(text).toMatch(/within rounding noise/);
    expect(text).not.toMatch(/max (relative error )?0 /);
    expect(text).not.toMatch(/max (relative error )?0$/m);
  });

  it("real gradient-check reports from src/nn (layer and scalar)", async () => {
    const rng = createRng(3);
    const layer = new Dense(3, 2, { rng });
    const x = Matrix.from([[0.1, -0.2, 0.3], [0.5, 0.4, -0.6]]);
    const r = toRich(await checkLayer(layer, x, rng));
    expect(r).toMatchObject({ kind: "gradcheck", report: { ok: true, band: "good" } });
    if (r.kind === "gradcheck") expect(r.report.perParam.length).toBeGreaterThan(0);
    expect(structuredClone(r)).toEqual(r);
    const s = toRich(checkScalarFunction(Math.tanh, (z: number) => 1 - Math.tanh(z) ** 2, [-1, 0, 2]));
    expect(s).toMatchObject({ kind: "gradcheck", report: { ok: true } });
    if (s.kind === "gradcheck") expect(s.report.points).toHaveLength(3);
  });

  it("a plot spec or a bare mark becomes plot data", () => {
    const Plot = createPlot();
    expect(toRich(Plot.lineY([1, 2]))).toEqual({ kind: "plot", options: { marks: [{ mark: "lineY", data: [1, 2], options: {} }] } });
  });

  it("the result is structured-clonable", () => {
    const r = toRich({ m: Matrix.from([[1]]), f: () => 1, d: new Date(0), s: new Set([1]), e: new Error("x") });
    expect(structuredClone(r)).toEqual(r);
  });
});

describe("formatNumber(n)", () => {
  it("integers exactly, others to 6 significant digits, tiny and huge in exponent form", () => {
    expect([formatNumber(3), formatNumber(1 / 3), formatNumber(-0), formatNumber(1e-9), formatNumber(NaN), formatNumber(Infinity)]).toEqual(["3", "0.333333", "-0", "1.0000e-9", "NaN", "Infinity"]);
  });
});

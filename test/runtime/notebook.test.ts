/**
 * Jupyter semantics end to end: cells run through KernelHost → worker thread →
 * kernel, exactly as on the page (createHeadlessNotebook).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHeadlessNotebook, type HeadlessNotebook } from "../../src/runtime/headless.ts";

let nb: HeadlessNotebook;
beforeAll(() => {
  nb = createHeadlessNotebook();
});
afterAll(() => nb.close());

const run = (id: string, code: string, opts = {}) => nb.run(id, code, opts);

describe("shared scope", () => {
  it("const/let/var of one cell are visible to later cells", async () => {
    expect((await run("s1", "const a = 1;\nlet b = 2;\nvar c = 3")).status).toBe("ok");
    expect((await run("s2", "a + b + c")).resultText).toBe("6");
  });

  it("destructuring: object, array, nested, defaults, rest", async () => {
    const o = await run(
      "d1",
      [
        "const { p, q: [r, , s = 9], ...others } = { p: 1, q: [2, 3], t: 4, u: 5 };",
        "let [x0, [y0], ...zs] = [10, [20], 30, 40]",
        "const {w = 7} = {}",
      ].join("\n"),
    );
    expect(o.status).toBe("ok");
    expect((await run("d2", "[p, r, s, others, x0, y0, zs, w]")).resultText).toBe("[1, 2, 9, { t: 4, u: 5 }, 10, 20, [30, 40], 7]");
  });

  it("re-running a cell redefines its names (no 'already declared')", async () => {
    expect((await run("r1", "const k = 1\nclass K { v = 1 }\nfunction kf() { return 1 }")).status).toBe("ok");
    expect((await run("r1", "const k = 2\nclass K { v = 2 }\nfunction kf() { return 2 }")).status).toBe("ok");
    expect((await run("r2", "[k, new K().v, kf()]")).resultText).toBe("[2, 2, 2]");
  });

  it("closures share the global: let n=0; function inc(){n++} then inc(); n → 1", async () => {
    await run("c1", "let n = 0;\nfunction inc() { n++ }");
    expect((await run("c2", "inc(); n")).resultText).toBe("1");
    expect((await run("c3", "n = 10; inc(); n")).resultText).toBe("11");
  });

  it("let without initialiser resets to undefined on re-run; var keeps its value", async () => {
    await run("u1", "let lu = 5; var vu = 6");
    await run("u2", "let lu;\nvar vu;");
    expect((await run("u3", "[lu, vu]")).resultText).toBe("[undefined, 6]");
  });

  it("class declarations are usable in later cells and keep their own name", async () => {
    await run("k1", "class Point { constructor(public x: number) {} norm() { return Math.abs(this.x) } }");
    expect((await run("k2", "const pt = new Point(-3); [pt.norm(), Point.name]")).resultText).toBe('[3, "Point"]');
  });

  it("a cell may not redefine built-in globals the scope depends on", async () => {
    const o = await run("bad", "const Map = 1");
    expect(o.status).toBe("error");
    expect(o.error).toMatchObject({ phase: "syntax", line: 1 });
    expect(o.error?.message).toMatch(/cannot redefine the global "Map"/);
  });

  it("names that shadow worker accessors (name) still work", async () => {
    expect((await run("nm", 'const name = "Ada";\nname')).resultText).toBe('"Ada"');
  });
});

describe("last expression", () => {
  it("is displayed", async () => {
    expect((await run("e1", "1 + 2")).result).toEqual({ kind: "number", value: 3 });
  });
  it("is not displayed for assignments, undefined, declarations or silent runs", async () => {
    expect((await run("e2", "let z9 = 1\nz9 = 2")).result).toBeUndefined();
    expect((await run("e3", "undefined")).result).toBeUndefined();
    expect((await run("e4", "console.log('x')")).result).toBeUndefined();
    expect((await run("e5", "const z8 = 4")).result).toBeUndefined();
    expect((await run("e6", "1 + 2", { silent: true })).result).toBeUndefined();
  });
  it("a parenthesised last expression is the result: ({ a }), (x), ((1 + 2) * 3);", async () => {
    expect((await run("p1", "const a = 1;\n({ a })")).resultText).toBe("{ a: 1 }");
    expect((await run("p2", "(a)")).resultText).toBe("1");
    expect((await run("p3", "((1 + 2) * 3);")).resultText).toBe("9");
    expect((await run("p4", "(a) + (a)\n")).resultText).toBe("2");
  });

  it("top-level await works and the awaited value is the result", async () => {
    const o = await run("a1", "const v = await new Promise<number>((r) => setTimeout(() => r(5), 10));\nv * 2");
    expect(o.resultText).toBe("10");
  });
  it("for await and await in the last expression", async () => {
    const o = await run("a2", "async function* gen() { yield 1; yield 2 }\nlet tot = 0\nfor await (const g of gen()) tot += g\nawait Promise.resolve(tot)");
    expect(o.resultText).toBe("3");
  });
});

describe("imports", () => {
  it("named, aliased and namespace imports from nn, and the global nn", async () => {
    const o = await run("i1", 'import { Value, Matrix as M } from "nn";\nimport * as lib from "nn";\n[Value === lib.Value, M === nn.Matrix, typeof lib.cooperate]');
    expect(o.status).toBe("ok");
    expect(o.resultText).toBe('[true, true, "function"]');
    expect((await run("i2", "typeof Value")).resultText).toBe('"function"');
  });
  it("type-only imports are erased", async () => {
    const o = await run("i3", 'import type { Param } from "nn";\nimport { type Layer, Matrix } from "nn";\nconst pm: Param | null = null;\nMatrix.zeros(1, 2).shape');
    expect(o.resultText).toBe('"1x2"');
  });
  it("unknown module → error naming it, with its position", async () => {
    const o = await run("i4", '\nimport { x } from "foo";');
    expect(o.status).toBe("error");
    expect(o.error).toMatchObject({ message: 'unknown module: "foo" (cells can import from "nn")', line: 2, phase: "syntax" });
  });
  it("dynamic import of nn works and of anything else rejects", async () => {
    expect((await run("i5", 'const m = await import("nn");\ntypeof m.Matrix')).resultText).toBe('"function"');
    const o = await run("i6", 'await import("fs")');
    expect(o.error?.message).toBe('unknown module: "fs" (cells can import from "nn")');
  });
  it("cells cannot replace the runtime's yield hook", async () => {
    expect((await run("i8", "typeof nn.setYieldHook")).resultText).toBe('"undefined"');
  });
  it("a named import nn does not export → error", async () => {
    const o = await run("i7", 'import { Nope } from "nn"');
    expect(o.error?.message).toMatch(/"nn" has no export named "Nope"/);
  });
});

describe("errors", () => {
  it("syntax errors carry the TypeScript line and column", async () => {
    const o = await run("x1", "const ok = 1;\nconst bad = (1 + ;\n");
    expect(o.status).toBe("error");
    expect(o.error).toMatchObject({ name: "SyntaxError", phase: "syntax", line: 2, column: 18, cellId: "x1" });
  });
  it("a runtime error thrown on line 3 reports line 3 (and the column)", async () => {
    const o = await run("x2", "const t1: number = 1;\nconst t2 = t1 + 1;\nthrow new Error('boom');\n");
    expect(o.error).toMatchObject({ name: "Error", message: "boom", line: 3, column: 7, cellId: "x2", phase: "runtime" });
  });
  it("columns survive stripped types on the same line (best effort)", async () => {
    const o = await run("x3", "const arr: Array<number> = [];\nconst y: { a: number } = (arr as any).nope.a;");
    expect(o.error).toMatchObject({ name: "TypeError", line: 2 });
    // `.a` of undefined: V8 points at the property access after `nope`.
    expect(o.error?.column).toBeGreaterThanOrEqual(40);
    expect(o.error?.column).toBeLessThanOrEqual(44);
  });
  it("an error in a function defined in another cell points at that cell", async () => {
    await run("x4", "function failing() {\n  return (null as any).x;\n}");
    const o = await run("x5", "1;\nfailing()");
    expect(o.error).toMatchObject({ cellId: "x4", line: 2 });
    expect(o.error?.frames?.map((f) => [f.cellId, f.line])).toEqual([["x4", 2], ["x5", 2]]);
  });
  it("an error in the last expression line maps the column through `return (`", async () => {
    const o = await run("x6", "let o6: any = {}\no6.f()");
    expect(o.error).toMatchObject({ line: 2, column: 4 });
  });
  it("non-Error throws are reported by value", async () => {
    const o = await run("x7", "throw 42");
    expect(o.error).toMatchObject({ name: "Uncaught", thrown: { kind: "number", value: 42 } });
    expect(o.error?.message).toMatch(/^42 /);
  });
  it("an unhandled rejection is reported and attributed to the run", async () => {
    const o = await run("x8", 'Promise.reject(new Error("later"));\nawait new Promise((r) => setTimeout(r, 30));\n1');
    expect(o.status).toBe("ok");
    expect(o.uncaught).toEqual([expect.objectContaining({ name: "Error", message: "later", line: 1 })]);
  });
  it("an error inside a setTimeout callback after the cell finished goes to that run", async () => {
    const o = await run("x9", 'setTimeout(() => { throw new RangeError("tick") }, 20);\n"started"');
    expect(o.status).toBe("ok");
    await new Promise((r) => setTimeout(r, 150));
    const late = o.events.filter((e) => e.type === "uncaught");
    expect(late).toEqual([expect.objectContaining({ runId: o.runId, cellId: "x9", source: "timer", error: expect.objectContaining({ name: "RangeError", line: 1 }) })]);
  });
  it("TS-only syntax runs: interfaces, annotations, generics, as, enums, satisfies", async () => {
    const code = [
      "interface Pt { x: number; y: number }",
      "type Pair<T> = [T, T];",
      "enum Dir { Up, Down }",
      "function first<T>(xs: readonly T[]): T { return xs[0]! }",
      "const p2 = { x: 1, y: 2 } satisfies Pt;",
      "const pr: Pair<string> = ['a', 'b'];",
      "abstract class Shape { abstract area(): number }",
      "class Sq extends Shape { constructor(private s: number) { super() } area() { return this.s ** 2 } }",
      "[first<number>([4, 5]), (p2 as Pt).y, pr[1], Dir.Down, new Sq(3).area()]",
    ].join("\n");
    const o = await run("ts", code);
    expect(o.error).toBeUndefined();
    expect(o.resultText).toBe('[4, 2, "b", 1, 9]');
  });
});

describe("outputs", () => {
  it("console levels and rich arguments", async () => {
    const o = await run("o1", 'console.log("a", 1, [1, 2]);\nconsole.warn("w");\nconsole.error(new Error("e"));\nconsole.info("%s=%d", "k", 4.7)');
    const lines = o.events.flatMap((e) => (e.type === "log" ? e.lines : []));
    expect(lines.map((l) => l.level)).toEqual(["log", "warn", "error", "info"]);
    expect(o.logs).toEqual(["a 1 [1, 2]", "w", "Error: e", "k=4"]);
  });

  it("log flood: 100,000 console.log calls → capped output, dropped count, few messages", async () => {
    const o = await run("flood", "for (let i = 0; i < 100_000; i++) console.log(i)");
    const msgs = o.events.filter((e) => e.type === "log");
    expect(msgs.length).toBeLessThanOrEqual(3);
    expect(o.logs.length).toBe(1001);
    expect(o.logs[0]).toBe("0");
    expect(o.logs[299]).toBe("299");
    expect(o.logs[300]).toBe("… 99000 lines dropped …");
    expect(o.logs.at(-1)).toBe("99999");
  });

  it("maxLogLines is configurable per run", async () => {
    const o = await run("flood2", "for (let i = 0; i < 50; i++) console.log(i)", { maxLogLines: 10 });
    expect(o.logs).toEqual(["0", "1", "2", "… 40 lines dropped …", "43", "44", "45", "46", "47", "48", "49"]);
  });

  it("an async flood is batched (~16 ms), not one message per line", async () => {
    const o = await run("flood3", "for (let i = 0; i < 2000; i++) { console.log(i); if (i % 100 === 0) await nn.cooperate() }");
    const msgs = o.events.filter((e) => e.type === "log").length;
    expect(msgs).toBeLessThan(30);
    expect(o.logs.at(-1)).toBe("1999");
  });

  it("display and update: throttled to ≈60/s, the last update always arrives", async () => {
    const o = await run("disp", 'const h = display(0, { id: "n" });\nfor (let i = 1; i <= 100000; i++) h.update(i);\n');
    const ups = o.events.filter((e) => e.type === "update");
    expect(o.events.filter((e) => e.type === "display")).toHaveLength(1);
    expect(ups.length).toBeLessThan(50);
    expect(o.displays.n).toEqual({ kind: "number", value: 100000 });
  });

  it("display of a plot spec and channel functions materialised", async () => {
    const o = await run("plot", "const pts = [{t: 0, v: 1}, {t: 1, v: 4}];\ndisplay(Plot.plot({ y: { grid: true }, marks: [Plot.lineY(pts, { x: (d) => d.t, y: 'v' }), Plot.ruleY([0])] }))");
    expect(o.error).toBeUndefined();
    const d = Object.values(o.displays)[0];
    expect(d).toEqual({
      kind: "plot",
      options: {
        y: { grid: true },
        marks: [
          { mark: "lineY", data: [{ t: 0, v: 1 }, { t: 1, v: 4 }], options: { x: [0, 1], y: "v" } },
          { mark: "ruleY", data: [0], options: {} },
        ],
      },
    });
  });

  it("a plot as the last expression is the result; a function option is a clear error at its line", async () => {
    expect((await run("plot2", "Plot.dot([[1, 2]], { x: (d) => d[0], y: (d) => d[1] }).plot()")).result?.kind).toBe("plot");
    const o = await run("plot3", "1\nPlot.plot({ x: { tickFormat: (d) => d + '%' }, marks: [] })");
    expect(o.error).toMatchObject({ line: 2, message: expect.stringContaining('option "x.tickFormat" is a function') });
  });

  it("progress: percentage and ETA computed in the worker", async () => {
    const o = await run("prog", "const bar = progressBar(4, { label: 'epochs' });\nfor (let i = 0; i < 4; i++) { await new Promise((r) => setTimeout(r, 20)); bar.tick() }");
    const ps = o.events.filter((e) => e.type === "progress");
    const last = ps.at(-1);
    expect(last).toMatchObject({ done: 4, total: 4, percent: 100, etaMs: 0, label: "epochs" });
    const mid = ps.find((p) => p.type === "progress" && p.done === 2);
    if (mid && mid.type === "progress") {
      expect(mid.percent).toBe(50);
      expect(mid.etaMs).toBeGreaterThan(0);
    }
  });

  it("rich display of nn objects: Matrix and Value", async () => {
    const o = await run("nnobj", 'import { Matrix, Value } from "nn";\n[Matrix.from([[1, 2], [3, 4]]), new Value(2, "a")]');
    expect(o.result).toEqual({
      kind: "array",
      length: 2,
      items: [
        { kind: "matrix", rows: 2, cols: 2, rowIndex: [0, 1], colIndex: [0, 1], values: [[1, 2], [3, 4]] },
        { kind: "value", data: 2, grad: 0, label: "a", op: "" },
      ],
    });
  });
});

describe("nn objects", () => {
  it("a model displays as its layers with parameter counts", async () => {
    const o = await run("model", 'import { mlp, createRng } from "nn";\nconst net = mlp([2, 4, 3], { rng: createRng(1), hidden: "tanh" });\nnet');
    expect(o.error).toBeUndefined();
    expect(o.result).toMatchObject({ kind: "model", totalParams: 2 * 4 + 4 + 4 * 3 + 3 });
    if (o.result?.kind === "model") {
      expect(o.result.layers.map((l) => l.params)).toEqual([12, 0, 15]);
      expect(o.result.summary).toContain("parameters");
    }
  });
});

describe("isolation", () => {
  it("two notebooks do not share globals", async () => {
    const other = createHeadlessNotebook();
    try {
      await run("iso", "const onlyHere = 1");
      expect((await other.run("iso", "typeof onlyHere")).resultText).toBe('"undefined"');
    } finally {
      other.close();
    }
  });
});

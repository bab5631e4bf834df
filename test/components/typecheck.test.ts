/**
 * The editor's type checker (src/components/typecheck): the TypeScript 5
 * language service over the generated nn declarations, with a page's cells
 * sharing the scope of the cells above them, exactly as in the kernel.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chapterCells } from "../../src/markdown/chapter-cells.ts";
import { cellNn } from "../../src/runtime/cell-nn.ts";
import { libDeclarations, nnDeclarations } from "../../src/components/typecheck/declarations.ts";
import { createCheckService, type CheckService } from "../../src/components/typecheck/service.ts";
import { topLevelNames } from "../../src/components/typecheck/page-scope.ts";

let service: CheckService;
beforeAll(() => {
  service = createCheckService({ ...libDeclarations(), ...nnDeclarations("src/nn", Object.keys(cellNn)) });
}, 120_000);

/** Diagnostics of the last of `codes`, each code a cell of one page in order. */
function check(...codes: string[]) {
  const docs = codes.map((code, i) => ({ id: `c${i + 1}`, code }));
  return service.diagnostics({ scope: "page", docs, target: docs.at(-1)!.id });
}
const brief = (codes: string[]) => check(...codes).map((d) => ({ line: d.line, column: d.column, code: d.code }));

describe("diagnostics", () => {
  it("reports a wrong-type assignment with its place and a plain hint", () => {
    const [d, ...rest] = check('const b: number = "0.2";');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 1, column: 7, code: 2322, severity: "error", message: "Type 'string' is not assignable to type 'number'." });
    expect(d.hint).toMatch(/number is expected here, but this is text/);
    expect(d.from).toBe(6);
    expect(d.to).toBe(7);
  });

  it("reports an unknown nn export and keeps TypeScript's suggestion", () => {
    const [d] = check('import { Dense, Matrx } from "nn";');
    expect(d).toMatchObject({ line: 1, column: 17, code: 2724 });
    expect(d.message).toContain("Did you mean 'Matrix'?");
    expect(d.hint).toMatch(/nn has no export by that name/);
    expect(check('import { NoSuchThing } from "nn";').map((x) => x.code)).toEqual([2305]);
  });

  it("reports the misuse of a name an earlier cell declared", () => {
    const above = 'import { Dense, createRng } from "nn";\nconst layer = new Dense(2, 3, { rng: createRng(1) });\nfunction scale(x: number, by: number): number { return x * by; }';
    expect(brief([above, "layer.nope();"])).toEqual([{ line: 1, column: 7, code: 2339 }]);
    const [d] = check(above, "const s: string = scale(2, 3);");
    expect(d.message).toBe("Type 'number' is not assignable to type 'string'.");
    const [missing] = check(above, "scale(2);");
    expect(missing.code).toBe(2554);
    expect(missing.hint).toMatch(/add a value for by/);
    // Correct use of the same names is clean.
    expect(check(above, "const y = layer.forward(nn.Matrix.zeros(1, 2));\nscale(y.get(0, 0), 2);")).toEqual([]);
  });

  it("sees only the cells above, and the last definition of a name wins", () => {
    expect(brief(["const later = 1;", "later + 1;"])).toEqual([]);
    expect(brief(["later + 1;", "const later = 1;"].slice(0, 1))).toEqual([{ line: 1, column: 1, code: 2304 }]);
    expect(brief(['const x = 1;', 'const x = "text";', "x.toUpperCase();"])).toEqual([]);
    expect(brief(['const x = "text";', "const x = 1;", "x.toUpperCase();"])).toEqual([{ line: 1, column: 3, code: 2339 }]);
    // A cell's own declaration shadows the inherited one (re-running redefines it).
    expect(brief(['const x = "text";', "const x = 1;\nx.toFixed(2);"])).toEqual([]);
  });

  it("lets a later cell assign a let from above, not a const", () => {
    expect(check("let step = 0;", "step += 1;")).toEqual([]);
    const [d] = check("const rate = 0.1;", "rate = 0.2;");
    expect(d).toMatchObject({ code: 2588, message: "Cannot assign to 'rate' because it is a constant." });
  });

  it("adds a plain sentence for a plain array where a Matrix is expected", () => {
    const [d] = check('import { matmul, Matrix } from "nn";\nmatmul([[1, 2]], Matrix.zeros(2, 1));');
    expect(d.code).toBe(2345);
    expect(d.hint).toMatch(/Matrix\.from/);
  });

  it("knows the cell globals: display, progress, Plot, console, nn", () => {
    const code = [
      "display(Plot.plot({ marks: [Plot.line([{ a: 1 }], { x: (d) => d.a, y: 'a' })] }));",
      "progress({ done: 1, total: 2 });",
      "console.log(nn.createRng(1).uniform());",
      "const t0 = performance.now(); setTimeout(() => {}, 1);",
    ].join("\n");
    expect(brief([code])).toEqual([]);
    // No page in a worker: the DOM is not part of a cell's world.
    const [d, ...rest] = check("document.title;");
    expect(rest).toEqual([]);
    expect(d.message).toContain("'document'");
  });

  it("gives a cell the nn module the runtime gives it: every export, minus the runtime's hook", () => {
    const names = Object.keys(cellNn);
    expect(check(`import { ${names.join(", ")} } from "nn";`)).toEqual([]);
    const [hook, ...rest] = check('import { setYieldHook } from "nn";');
    expect(rest).toEqual([]);
    expect(hook.message).toMatch(/has no exported member (named )?'setYieldHook'/);
  });

  it("checks an exercise on its own, without the page's names", () => {
    const docs = [{ id: "page", code: "const helper = 1;" }, { id: "ex", code: "helper + 1;" }];
    expect(service.diagnostics({ scope: "alone", docs, target: "ex" }).map((d) => d.code)).toEqual([2304]);
  });
});

describe("completion, hover and signature help", () => {
  const docs = [
    { id: "c1", code: 'import { Dense, Matrix } from "nn";\nconst modelA = new Dense(2, 3, { rng: nn.createRng(1) });' },
    { id: "c2", code: 'import {  } from "nn";\nMatrix.\nnew Dense(\nmod' },
  ];
  const req = { scope: "page" as const, docs, target: "c2" };
  const code = docs[1].code;

  it("lists nn's exports inside import braces", () => {
    const c = service.completions(req, code.indexOf("{") + 2)!;
    const names = c.items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(["Dense", "Matrix", "Sequential", "mse", "createRng"]));
    expect(names).not.toContain("setYieldHook");
  });

  it("lists Matrix's static members after `Matrix.`, with signature and doc", () => {
    const pos = code.indexOf("Matrix.") + "Matrix.".length;
    const names = service.completions(req, pos)!.items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(["zeros", "from", "full"]));
    const info = service.completionInfo(req, pos, "zeros")!;
    expect(info.signature).toBe("(method) Matrix.zeros(rows: number, cols: number): Matrix");
    expect(info.doc).toMatch(/zeros/);
  });

  it("offers names the cells above declared", () => {
    const c = service.completions(req, code.length)!;
    expect(c.from).toBe(code.length - 3);
    expect(c.items.map((i) => i.name)).toContain("modelA");
  });

  it("shows the constructor's parameters in `new Dense(`", () => {
    const h = service.signatureHelp(req, code.indexOf("new Dense(") + "new Dense(".length)!;
    expect(h.active).toBe("inFeatures: number");
    expect(h.after).toContain("outFeatures: number");
  });

  it("hovers an nn name with its signature and doc comment", () => {
    const one = { scope: "page" as const, docs: [docs[0]], target: "c1" };
    const ctor = service.quickInfo(one, docs[0].code.indexOf("Dense(") + 1)!;
    expect(ctor.signature).toContain("Dense(inFeatures: number, outFeatures: number");
    expect(ctor.doc).toMatch(/^@throws/);
    const cls = service.quickInfo(one, docs[0].code.indexOf("Dense") + 1)!;
    expect(cls.signature).toContain("class Dense");
    expect(cls.doc).toMatch(/^A fully connected layer Z = X·W \+ b/);
  });
});

describe("topLevelNames", () => {
  it("finds declarations, destructuring, imports and marks let/var mutable", () => {
    const names = topLevelNames('import { A, B as C } from "nn";\nconst { d, e: [f] } = g;\nlet h = 1;\nfunction k() {}\nclass L {}\ntype M = 1;\ninterface N {}\nexport const o = 1;');
    expect(names.map((n) => n.name)).toEqual(["A", "C", "d", "f", "h", "k", "L", "M", "N", "o"]);
    expect(names.filter((n) => n.mutable).map((n) => n.name)).toEqual(["h"]);
    expect(names.filter((n) => n.exported).map((n) => n.name)).toEqual(["o"]);
  });
});

// Every cell of every chapter, as written, type-checks in its page's scope.
const chapters = readdirSync("content", { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join("content", d.name, "index.mdx")))
  .map((d) => d.name)
  .sort();
const withCells = chapters.filter((ch) => chapterCells(readFileSync(join("content", ch, "index.mdx"), "utf8")).length > 0);

describe.each(withCells)("content/%s type-checks as written", (chapter) => {
  const cells = chapterCells(readFileSync(join("content", chapter, "index.mdx"), "utf8"));
  const docs = cells.map((c) => ({ id: c.id, code: c.code }));
  it.each(cells.map((c, k) => [c.id, k] as const))("cell %s", (_id, k) => {
    const found = service.diagnostics({ scope: "page", docs: docs.slice(0, k + 1), target: docs[k].id });
    const where = `content/${chapter}/index.mdx:${cells[k].line}`;
    expect(found.map((d) => `${where} +${d.line}:${d.column} TS${d.code} ${d.message}`)).toEqual([]);
  });
});

describe("exercise starters and solutions type-check on their own", () => {
  const files = chapters.flatMap((ch) => {
    const dir = join("content", ch, "exercises");
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((ex) => ["starter.ts", "solution.ts"].map((f) => join(dir, ex, f)));
  });
  it.each(files)("%s", (file) => {
    const docs = [{ id: "answer", code: readFileSync(file, "utf8") }];
    expect(service.diagnostics({ scope: "alone", docs, target: "answer" }).map((d) => `+${d.line}:${d.column} ${d.message}`)).toEqual([]);
  });
});

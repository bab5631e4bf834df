/** transpile(source, { cellId }): TS → JS in the shared scope, line-preserving, errors as data. */
import { describe, expect, it } from "vitest";
import { alignColumn, cellSourceUrl, transpile, type TranspileSuccess } from "../../src/runtime/transpile.ts";

function ok(source: string, modules?: Record<string, readonly string[] | null>): TranspileSuccess {
  const r = transpile(source, { cellId: "t", modules });
  if (!r.ok) throw new Error(`expected success, got ${r.error.message} at ${r.error.line}:${r.error.column}`);
  return r;
}
/** The body between the prelude and the closing wrapper. */
function body(r: TranspileSuccess): string {
  const lines = r.code.split("\n");
  return lines.slice(0, -2).join("\n");
}

describe("transpile(source) rewriting", () => {
  it("declarations become assignments to declared globals, keeping columns", () => {
    const r = ok("const a = 1;\nlet b = 2, c;\nvar d = 3");
    expect(r.names).toEqual(["a", "b", "c", "d"]);
    const lines = body(r).split("\n");
    // `const` names become read-only right after their statement, on the same line.
    expect(lines[0]).toMatch(/__cell\$declare\(\["a","b","c","d"\]\); +;a = 1; __cell\$freeze\(\["a"\]\);$/);
    expect(lines[1]).toBe("   ;b = 2, c = undefined;");
    expect(lines[2]).toBe("   ;d = 3;");
    expect(lines[1].indexOf("b")).toBe("let b".indexOf("b"));
  });

  it("destructuring (object, array, nested, defaults, rest) collects every bound name", () => {
    const r = ok("const { p, q: [r, , s = 9], ...others } = o, [x, [y], ...zs] = arr;");
    expect(r.names).toEqual(["p", "r", "s", "others", "x", "y", "zs"]);
    expect(body(r)).toContain(";({ p, q: [r, , s = 9], ...others } = o), [x, [y], ...zs] = arr;");
  });

  it("function declarations stay (hoisted) and are published by the prelude", () => {
    const r = ok("f();\nfunction f() { return 1 }\nasync function g() {}");
    expect(r.names).toEqual(["f", "g"]);
    expect(r.code.split("\n")[0]).toContain("__cell$define({ f, g });");
    expect(r.code).toContain("\nfunction f() { return 1 }\n");
  });

  it("class declarations become assignments", () => {
    expect(body(ok("class C extends Object {}"))).toMatch(/;C = class C extends Object \{\};$/);
  });

  it("imports from nn: named, aliased, namespace, default", () => {
    const r = ok('import { Dense, mlp as M } from "nn";\nimport * as lib from "nn";\nimport nnDefault from "nn";');
    expect(r.names).toEqual(["Dense", "M", "lib", "nnDefault"]);
    const lines = body(r).split("\n");
    expect(lines[0]).toContain(';({ Dense, "mlp": M } = __cell$import("nn"));');
    expect(lines[1]).toBe(';lib = __cell$import("nn");');
    expect(lines[2]).toBe(';nnDefault = __cell$import("nn");');
  });

  it("multi-line imports keep the line count", () => {
    const r = ok('import {\n  Dense,\n  mlp,\n} from "nn";\nDense');
    expect(r.code.split("\n")[4]).toContain("return (Dense)");
  });

  it("type-only imports and specifiers are erased, value imports kept even if unused", () => {
    const r = ok('import type { Layer } from "nn";\nimport { type Param, Dense } from "nn";');
    expect(r.names).toEqual(["Dense"]);
  });

  it("the last expression statement is the result; assignments and declarations are not", () => {
    expect(ok("1 + 1").hasResult).toBe(true);
    expect(body(ok("let q = 1\nq * 2"))).toMatch(/\nreturn \(q \* 2\)$/);
    expect(ok("let q = 1\nq = 2").hasResult).toBe(false);
    expect(ok("let q = 1").hasResult).toBe(false);
    expect(ok("for (const i of []) i").hasResult).toBe(false);
    expect(ok("").hasResult).toBe(false);
    expect(ok("x // trailing comment").code).toContain("return (x) // trailing comment\n})");
  });

  it("top-level await is allowed", () => {
    expect(ok("const v = await Promise.resolve(1);\nv").hasResult).toBe(true);
  });

  it("ASI hazards are guarded: a declaration after a line without a semicolon", () => {
    const r = ok("const a = f\nconst { b } = g\nconst [c] = h");
    // Evaluating must not call f(...) with the next line.
    expect(body(r).split("\n").slice(1)).toEqual(['    ;({ b } = g); __cell$freeze(["b"]);', '     ;[c] = h; __cell$freeze(["c"]);']);
  });

  it("export is ignored", () => {
    const r = ok("export const e = 1;\nexport function ef() {}\nexport { e as e2 };");
    expect(r.names).toEqual(["e", "ef"]);
  });

  it("dynamic import() goes through the kernel", () => {
    expect(ok('const m = await import("nn")').code).toContain('await __cell$importAsync("nn")');
  });

  it("TS-only syntax is stripped: interfaces, annotations, generics, as, non-null, enums", () => {
    const src = [
      "interface P { x: number }",
      "type T<A> = A[];",
      "const p: P = { x: 1 } as P;",
      "function id<A>(a: A): A { return a! }",
      "enum E { A, B }",
      "id<number>(p.x)",
    ].join("\n");
    const r = ok(src);
    expect(r.names).toEqual(["p", "id", "E"]);
    expect(r.code.split("\n")).toHaveLength(src.split("\n").length + 2);
    expect(r.code).not.toMatch(/interface|: P|<number>|as P/);
  });

  it("keeps line N of the cell on line N of the code", () => {
    const src = 'import { Dense } from "nn";\nconst a: number = 1;\nclass K {}\nfunction f() {}\nlet { b } = { b: 2 };\na + b';
    const r = ok(src);
    expect(r.code.split("\n").length).toBe(src.split("\n").length + 2);
    expect(r.code.split("\n")[5]).toBe("return (a + b)");
    expect(r.code.endsWith(`//# sourceURL=${cellSourceUrl("t")}`)).toBe(true);
  });
});

describe("transpile(source) errors", () => {
  it("a TypeScript syntax error reports sucrase's line and 1-based column", () => {
    const r = transpile("const ok = 1;\nconst bad = (1 + ;", { cellId: "e" });
    expect(r).toEqual({ ok: false, error: { message: "Unexpected token", line: 2, column: 18 } });
  });

  it("a JavaScript error sucrase lets through (acorn) maps back to the TypeScript column", () => {
    const r = transpile("let x: number = 1;\nconst y: number;", { cellId: "e" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 2 });
  });

  it("unknown module → error naming it at the specifier", () => {
    const r = transpile('const a = 1;\nimport { readFile } from "fs";', { cellId: "e" });
    expect(r).toEqual({ ok: false, error: { message: 'unknown module: "fs" (cells can import from "nn")', line: 2, column: 26 } });
  });

  it("a missing named export of a known module → error suggesting `import type`", () => {
    const r = transpile('import { Layer } from "nn";', { cellId: "e", modules: { nn: ["Dense"] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('"nn" has no export named "Layer" (for a type, write: import type { Layer } from "nn")');
  });

  it("redefining a reserved global → error at the name", () => {
    const r = transpile("const x = 1, { Promise } = y;", { cellId: "e" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 1, column: 16, message: expect.stringContaining('"Promise"') });
  });

  it("top-level return is a syntax error (cells are module bodies)", () => {
    expect(transpile("return 1", { cellId: "e" }).ok).toBe(false);
  });
});

describe("mapPosition(line, column)", () => {
  it("removes the prelude on line 1 and the `return (` on the result line", () => {
    const r = ok("foo.bar\nlet o: any = 1\no.f()");
    const line1 = r.code.split("\n")[0];
    expect(r.mapPosition(1, line1.indexOf("foo.bar") + 1 + 4)).toEqual({ line: 1, column: 5 });
    const line3 = r.code.split("\n")[2];
    expect(r.mapPosition(3, line3.indexOf("f()") + 1)).toEqual({ line: 3, column: 3 });
  });

  it("maps through stripped type annotations", () => {
    const r = ok("const z: Array<number> = [1].map((v: number) => v.boom());");
    const line = r.code.split("\n")[0];
    const pos = r.mapPosition(1, line.indexOf("boom") + 1);
    expect(pos).toEqual({ line: 1, column: "const z: Array<number> = [1].map((v: number) => v.boom());".indexOf("boom") + 1 });
  });
});

describe("alignColumn(jsLine, tsLine, jsCol)", () => {
  it("finds where a JS character came from in the TS line", () => {
    expect(alignColumn("const x = 1;", "const x: number = 1;", 10)).toBe(18);
    expect(alignColumn("same", "same", 2)).toBe(2);
  });
});

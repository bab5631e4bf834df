/**
 * The token-based transpiler (sucrase's parser, src/runtime/top-level.ts)
 * against the acorn-based one it replaced (transpile-oracle.ts, kept as it
 * was): for every cell of every chapter and every exercise file in both
 * editions, each again with its line-end semicolons removed (ASI everywhere),
 * and for a list of tricky snippets, both give byte-identical code, the same
 * names, the same result flag and the same position mapping; where the
 * oracle rejects, the new one rejects at the same place — or, for an early
 * error sucrase's parser lets through (`f() = 1`), its code is one the engine
 * rejects and the syntax-error locator the kernel then loads reports the
 * oracle's very error. For a `var` that reaches the top level from inside a
 * statement, V8 itself is the judge too (VAR_MEETS_LEXICAL).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { chapterCells } from "../../src/markdown/chapter-cells.ts";
import { transpile, type TranspileResult } from "../../src/runtime/transpile.ts";
import { locateSyntaxError } from "../../src/runtime/syntax-locator.ts";
import { transpile as oracle, type TranspileResult as OracleResult } from "./transpile-oracle.ts";
import { chapterFiles } from "../content/chapter-files.ts";

/** Every cell of both editions, and every TypeScript file of every exercise (starters, solutions, wrong answers). */
function contentCells(): Array<[string, string]> {
  const cells: Array<[string, string]> = [];
  for (const f of chapterFiles()) {
    for (const c of chapterCells(readFileSync(f.path, "utf8"))) cells.push([`${f.path} ${c.id}`, c.code]);
  }
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts") && p.includes("/exercises/")) cells.push([p, readFileSync(p, "utf8")]);
    }
  };
  walk("content");
  return cells;
}

/** Snippets aimed at the places a token reader could go wrong. */
export const TRICKY: readonly string[] = [
  // ASI and statements spanning lines
  "const a = 1\nconst b = 2\na + b",
  "let x = f\n(1 + 2)",
  "let q = 1\n;[1, 2].forEach((v) => q += v)\nq",
  "const s = 'a'\n`b${s}`",
  "const v = 1\n+ 2\nv\n- 1",
  "a\n++b",
  "let i = 0\ni++\ni",
  "const o = {\n  a: 1,\n  b: [1, 2,\n    3],\n}\no.b\n  .map((v) => v * 2)\n  .filter(Boolean)",
  "const f = () => {\n  return 1\n}\nf()",
  // parentheses and object literals
  "({ a: 1, b: 2 })",
  "({ a } = { a: 3 })",
  "(a = 1)",
  "(a = 1) + 2",
  "((x))",
  "(1, 2)",
  "a = 1, b = 2",
  "a = b ? c : d",
  "a ? b = 1 : c",
  "x => y = 2",
  "async (x) => await x",
  "a ??= 1",
  "a.b ||= c",
  "obj[key] = value",
  "void 0",
  "typeof x === 'undefined' ? 1 : 2",
  // regex vs division
  "const r = /ab+c/gi.test('abbc')\nr",
  "const d = 10 / 2 / 1\nd",
  "const rx = x / y / z, re = /=/.source\nre",
  "[/a/, /b/g]",
  "a / b = c",
  "f() = 1",
  "a.b(c)[d](e) += 1",
  "new F() = 1",
  "x = f()\n++y",
  "(f)() = 1",
  "f()\n++x",
  "g(x => x) = 1",
  "m.get(0)[1] += 5",
  "++f()",
  "++a.b().c",
  "++a.b()",
  "x++\nf()\n--y",
  // template literals with braces
  "const t = `${ {a: 1}.a } and ${ `${ (() => { return 2 })() }` }`\nt",
  "`${x}` = 1",
  "const u = `a\n${1 + 1}\nb`\nu",
  // functions, classes
  "function f() { return 1 }\nfunction* g() { yield 1 }\nasync function h() { await 1 }\nf",
  "class A { static { this.x = 1 } static y = 2; #p = 3; get p() { return this.#p } set p(v) { this.#p = v } }\nnew A().p",
  "class B extends Array { constructor() { super(); } }",
  "const C = class { m() { return 1 } }\nnew C().m()",
  "export class D {}\nexport default class E {}\nexport function F() {}\nexport const k = 1",
  "export default function G() {}\nG",
  "export default class E {}\nexport default 1",
  "export const k = 1\nexport { k }",
  "let k = 1\nexport { k as j, k as 'j' }",
  "const K = 1\nexport default K * 2",
  "let e = 1\nexport { e }\nexport { e as e2, e as default }",
  // labels, loops, blocks, control flow at the top level
  "outer: for (let i = 0; i < 3; i++) { for (;;) { break outer } }",
  "for (const v of [1, 2]) v",
  "for (var j = 0; j < 2; j++) {}\nj",
  "if (a) b\nelse c",
  "do x++\nwhile (x < 3)\nx",
  "{ let inner = 1 }\ninner",
  "switch (x) { case 1: break; default: }",
  "try { f() } catch { } finally { }",
  "while (false) {}\n;",
  "x;;",
  "x; // last\n// more\n/* and more */",
  "x /* inline */ // end",
  "/* only a comment */",
  "// just this",
  "",
  "'use strict'\n1",
  // async / await at the top level
  "const v = await Promise.resolve(1)\nawait v",
  "for await (const c of [1]) c",
  "await new Promise((r) => setTimeout(r, 1))",
  // unicode identifiers and strings
  "const σ = 1, π = 3.14, 变量 = 2\nσ + π + 变量",
  "const ℓ = 'ünïcödé'\nℓ",
  "const \\u0061bc = 1",
  // imports, static and dynamic, nested
  'import { Matrix, Dense as D } from "nn"\nimport * as nn from "nn"\nimport nnd from "nn"\nMatrix',
  'import {\n  Matrix,\n  Dense,\n} from "nn";\nconst m = await import("nn")\nm',
  'import "nn"',
  'import { "Matrix" as M } from "nn"',
  "const lazy = async () => (await import('nn')).Matrix\nlazy",
  "[1].map(async () => { const { Matrix } = await import(\"nn\"); return Matrix })",
  "import.meta",
  // declarations of every shape
  "const { p, q: [r, , s = 9], ...others } = o, [x2, [y2], ...zs] = arr",
  "let a1, b1 = 2, { c1 } = d, [e1] = f1",
  "var v1 = 1, v2",
  "const { a: { b: { c } } } = deep\nc",
  "const { [key]: computed = () => 1 } = obj",
  "let { a = (z) => z, b: { c = 1 } = {} } = o\na",
  "const a = 1; const b = 2; a; b",
  // names that collide with the shared scope
  "const Map = 1",
  "function Promise() {}",
  "class JSON {}",
  'import { Matrix as Object } from "nn"',
  // errors: syntax, module, reserved, re-export
  "const bad = (1 + ;",
  'export { Matrix } from "nn"',
  'import { x } from "fs"',
  "let x = 1; let x = 2",
  "export { missing }",
  "const y",
  "const y, z = 1",
  "let { a }",
  "return 1",
  "if (x) { return }",
  "function f() { return 1 }\nreturn f()",
  "var w = 1; let w = 2",
  "let w = 1; { var w = 2 }",
  "{ var w = 1 }\nconst w = 2",
  "class Q { static { var w = 1 } }\nlet w = 2",
  "function g() {}\nconst g = 1",
  'import { Matrix } from "nn"\nlet Matrix = 1',
  // (V8 underlines a whole class declaration; acorn, and the reader, get its name)
  "for (var i in {}) {}\nclass i {}",
];

/**
 * A `var` hoists out of blocks, loop heads and single-statement bodies to the
 * top level, where it clashes with a `let`, `const` or `class` of the same
 * name; inside a function it does not. Where the script and module goals
 * agree (no `function` clashes: a script's top-level function is var-like, a
 * cell's is lexical), V8 compiling the snippet as a strict script decides.
 */
export const VAR_MEETS_LEXICAL: readonly string[] = [
  "let i = 1;\nfor (var i = 0; i < 2; i++) {}",
  "let i = 1;\nfor (var i in {}) {}",
  "let i = 1;\nfor (var i of []) {}",
  "for (var i = 0; i < 2; i++) {}\nlet i = 1;",
  "for (var i of []) {}\nconst i = 1;",
  "let i = 1;\nfor (var j = 0, i = 3; j < 1; j++) {}",
  "let i = 1;\nfor (var { i } = { i: 2 }; false;) {}",
  "let i = 1;\nfor (var [i] of [[1]]) {}",
  "let i = 1;\n{ for (var i = 0; i < 2; i++) {} }",
  "let i = 1;\nif (true) { for (var i in {}) {} }",
  "let i = 1;\ntry { for (var i of []) {} } catch {}",
  "let i = 1;\nfor (;;) { for (var i of []) {} break; }",
  "let i = 1;\nif (true) var i = 2;",
  "let i = 1;\nif (false) {} else var i = 2;",
  "let i = 1;\nwhile (false) var i = 2;",
  "let i = 1;\ndo var i = 2; while (false)",
  "let i = 1;\nl: var i = 2;",
  "let i = 1;\nl: for (var i of []) {}",
  "let i = 1;\n{ var i = 2; }",
  "let i = 1;\nswitch (1) { case 1: var i = 2; }",
  "let i = 1;\ntry {} catch (e) { var i = 2; }",
  "let i = 1;\ntry {} catch (i) { var i = 2; }",
  // accepted: the `var` stays in a function, or meets only other `var`s, or the `let` is in a block
  "{ let i = 0; }\nvar i = 1;",
  "{ let i = 0; }\nfor (var i = 0; i < 2; i++) {}",
  "let i = 1;\nfunction f() { for (var i = 0; i < 2; i++) {} }",
  "let i = 1;\nconst f = () => { for (var i of []) {} };",
  "let i = 1;\nclass C { static { for (var i in {}) {} } }",
  "let i = 1;\n[1].forEach(() => { if (true) var i = 2; });",
  "let i = 1;\nfor (let i = 0; i < 2; i++) {}",
  "let i = 1;\nfor (const i of []) {}",
  "let i = 1;\nfor (var j = 0; j < 2; j++) {}",
  "let K = 1, x = 1, d = 1;\nfor (var i = class K {}, j = function K() {}, f = (x) => x, { a = d } = {}; false;) {}",
  "let i = 1;\nfor (let j of []) { for (const i of []) {} }",
  "var i = 1;\nfor (var i = 0; i < 2; i++) {}",
  "for (var i = 0; i < 2; i++) {}\nfor (var i of []) {}",
  "if (true) var i = 2;\nvar i = 3;",
  "try {} catch (i) { var i = 2; }",
];

/** V8's verdict on `src` as a strict script: its early error (1-based line and column), or null. */
function v8Verdict(src: string): { message: string; line: number; column: number } | null {
  try {
    new vm.Script(`"use strict";\n${src}`, { filename: "v8-verdict.js" });
    return null;
  } catch (e) {
    // The stack starts "v8-verdict.js:<line>", the line's text, then a caret under the error.
    const [where, , caret] = String((e as Error).stack).split("\n");
    return { message: (e as Error).message, line: Number(where.split(":").at(-1)) - 1, column: caret.indexOf("^") + 1 };
  }
}

/** The same source with semicolons at line ends removed: ASI decides every statement's end. */
function withoutSemicolons(src: string): string {
  return src.replace(/;([ \t]*(\/\/[^\n]*)?)$/gm, "$1");
}

/**
 * Where the new transpiler deliberately differs, and why. The oracle let
 * `export * from` through to the engine (no position); the new one rejects
 * it like every other re-export.
 */
const IMPROVED: ReadonlyMap<string, string> = new Map([['export * from "nn"', "cells cannot re-export modules"]]);

/** Compiles (does not run) the transpiled cell: the engine's syntax error, or null. */
function engineRejects(code: string): string | null {
  try {
    (0, eval)(code);
    return null;
  } catch (e) {
    return e instanceof SyntaxError ? e.message : null;
  }
}

function compare(label: string, src: string): void {
  const opts = { cellId: "d", modules: { nn: ["Matrix", "Dense", "mlp"] } };
  let want: OracleResult;
  try {
    want = oracle(src, opts);
  } catch {
    return; // the oracle crashed (e.g. `export default function () {}`); nothing to hold the new one to
  }
  const got: TranspileResult = transpile(src, opts);
  if (!want.ok && got.ok) {
    // Sucrase's parser accepted an early error: the engine must reject the code, and the locator find acorn's error.
    expect(engineRejects(got.code), `${label}: the oracle rejects (${want.error.message}); the engine must reject the new code`).not.toBeNull();
    expect(locateSyntaxError(got.js, src), label).toEqual(want.error);
    return;
  }
  if (!want.ok) {
    expect(got.ok, `${label}: the oracle rejects (${want.error.message}); so must the new transpiler`).toBe(false);
    if (!got.ok) expect({ line: got.error.line, column: got.error.column }, `${label}: ${want.error.message} / ${got.error.message}`).toEqual({ line: want.error.line, column: want.error.column });
    return;
  }
  expect(got.ok, `${label}: ${got.ok ? "" : `${got.error.message} at ${got.error.line}:${got.error.column}`}`).toBe(true);
  if (!got.ok) return;
  expect(got.code, label).toBe(want.code);
  expect(got.names, label).toEqual(want.names);
  expect(got.hasResult, label).toBe(want.hasResult);
  const lines = got.code.split("\n");
  for (let l = 1; l <= lines.length; l++) {
    for (let c = 1; c <= lines[l - 1].length + 1; c += 7) expect(got.mapPosition(l, c), `${label} ${l}:${c}`).toEqual(want.mapPosition(l, c));
  }
}

describe("token-based transpile = acorn-based oracle", () => {
  const cells = contentCells();
  it("finds the course's cells and exercise files", () => {
    expect(cells.length).toBeGreaterThan(200);
  });
  it("every content cell, as written and without line-end semicolons", () => {
    for (const [label, src] of cells) {
      compare(label, src);
      compare(`${label} (no semicolons)`, withoutSemicolons(src));
    }
  });
  it.each([...IMPROVED])("deliberately differs: %s → %s", (src, message) => {
    const got = transpile(src, { cellId: "d" });
    expect(got.ok ? null : got.error.message).toBe(message);
  });
  it.each(TRICKY.map((s) => [s] as const))("%s", (src) => {
    compare("snippet", src);
    compare("snippet (no semicolons)", withoutSemicolons(src));
  });
});

describe("a var that reaches the top level, against a lexical name: what V8 says", () => {
  it.each(VAR_MEETS_LEXICAL.map((s) => [JSON.stringify(s), s] as const))("%s", (_title, src) => {
    const v8 = v8Verdict(src);
    const got = transpile(src, { cellId: "v" });
    expect(got.ok ? null : got.error).toEqual(v8);
    compare("snippet", src);
  });
  it("for await (var …) as well (a module's top level; V8 has no script goal for it)", () => {
    const got = transpile("let i = 1;\nfor await (var i of []) {}", { cellId: "v" });
    expect(got.ok ? null : got.error).toEqual({ message: "Identifier 'i' has already been declared", line: 2, column: 16 });
    compare("snippet", "let i = 1;\nfor await (var i of []) {}");
  });
});

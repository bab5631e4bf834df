/**
 * Plausible learner slips and where the reader is told they are. Sucrase's
 * parser accepts most early errors (it is not a validator), so each slip
 * reaches the reader by one of three paths, all positioned as acorn
 * positioned them when it parsed every cell:
 *  - sucrase rejects it (a plain syntax error): its message and position;
 *  - the rewrite would hide it from the engine (`let x` twice becomes two
 *    assignments): transpile.ts finds it, with acorn's message;
 *  - the engine rejects the transpiled cell without a position: the kernel
 *    loads the syntax-error locator (acorn) for the message and position.
 * Each expectation below is what the acorn-based transpiler reported.
 */
import { describe, expect, it } from "vitest";
import { locateSyntaxError } from "../../src/runtime/syntax-locator.ts";
import { transpile, type TranspileError } from "../../src/runtime/transpile.ts";

/** `transpile`: the transpiler reported it (sucrase, or its early-error checks); `locator`: the kernel's locator did. */
type Path = "transpile" | "locator";

/** What the reader is shown for `src`, and by which path; null when the cell is accepted. */
function reported(src: string): { path: Path; error: TranspileError } | null {
  const r = transpile(src, { cellId: "slip" });
  if (!r.ok) return { path: "transpile", error: r.error };
  try {
    (0, eval)(r.code); // compiles, does not run
    return null;
  } catch {
    const located = locateSyntaxError(r.js, src);
    return located ? { path: "locator", error: located } : null;
  }
}

const SLIPS: ReadonlyArray<[name: string, src: string, message: string, line: number, column: number]> = [
  ["duplicate let", "let x = 1;\nlet x = 2;", "Identifier 'x' has already been declared", 2, 5],
  ["let then var", "let x = 1;\nvar x = 2;", "Identifier 'x' has already been declared", 2, 5],
  ["duplicate const in one statement", "const a = 1, a = 2;", "Identifier 'a' has already been declared", 1, 14],
  ["duplicate function", "function f() {}\nfunction f() {}", "Identifier 'f' has already been declared", 2, 10],
  ["an import redeclared", 'import { Dense } from "nn";\nconst Dense = 1;', "Identifier 'Dense' has already been declared", 2, 7],
  ["duplicate let in a block", "{\n  let y = 1;\n  let y = 2;\n}", "Identifier 'y' has already been declared", 3, 7],
  ["duplicate let in a function", "function f() {\n  let y = 1;\n  let y = 2;\n}", "Identifier 'y' has already been declared", 3, 7],
  ["const without a value", "const y;", "Unexpected token", 1, 8],
  ["const without a value, typed", "const y: number;", "Unexpected token", 1, 16],
  ["return at the top level", "const x = 1;\nreturn x;", "'return' outside of function", 2, 1],
  ["await in a function that is not async", "function f() {\n  await g();\n}", "Cannot use keyword 'await' outside an async function", 2, 3],
  ["await in an arrow that is not async", "const f = () => {\n  await g();\n};", "Cannot use keyword 'await' outside an async function", 2, 3],
  ["await in a forEach callback", "[1, 2].forEach((v) => {\n  await g(v);\n});", "Cannot use keyword 'await' outside an async function", 2, 3],
  ["assigning to a sum", "let a = 1, b = 2;\na + b = 3;", "Assigning to rvalue", 2, 1],
  ["assigning to a call", "f() = 1;", "Assigning to rvalue", 1, 1],
  ["++ on a call", "f()++;", "Assigning to rvalue", 1, 1],
  ["assigning to a method call", "const m = { get: (i) => i };\nm.get(0) = 5;", "Assigning to rvalue", 2, 1],
  ["assigning to a call in a function", "function f(m) {\n  m.set(0, 1) += 5;\n}", "Assigning to rvalue", 2, 3],
  ["++ before a call", "++f();", "Assigning to rvalue", 1, 3],
  ["break outside a loop", "if (true) {\n  break;\n}", "Unsyntactic break", 2, 3],
  ["continue outside a loop", "function f() {\n  continue;\n}", "Unsyntactic continue", 2, 3],
  ["duplicate parameter", "function f(a, a) {\n  return a;\n}", "Argument name clash", 1, 15],
  ["assigning to arguments", "function f() {\n  arguments = [];\n}", "Assigning to arguments in strict mode", 2, 3],
  ["deleting a variable", "let x = 1;\ndelete x;", "Deleting local variable in strict mode", 2, 1],
  ["legacy octal", "const n = 010;", "Invalid number", 1, 11],
  ["?? mixed with ||", "const v = a ?? b || c;", "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses", 1, 18],
  ["duplicate regexp flag", "const r = /a/gg;", "Duplicate regular expression flag", 1, 12],
  ["bad string escape", 'const s = "\\x4";', "Bad character escape sequence", 1, 14],
  ["two constructors", "class A {\n  constructor() {}\n  constructor() {}\n}", "Duplicate constructor in the same class", 3, 3],
  ["super outside a class", "function f() {\n  super.x();\n}", "'super' keyword outside a method", 2, 3],
  ["undeclared private name", "class A {\n  #x = 1;\n  m() { return this.#y; }\n}", "Private field '#y' must be declared in an enclosing class", 3, 21],
  ["duplicate label", "a: a: for (;;) break a;", "Label 'a' is already declared", 1, 4],
  ["yield as a name", "const yield = 1;", "The keyword 'yield' is reserved", 1, 7],
  ["getter with a parameter", "const o = { get x(v) { return v; } };", "getter should have no params", 1, 18],
  ["setter without a parameter", "const o = { set x() {} };", "setter should have exactly one param", 1, 18],
  ["for-of with an initialiser", "for (let i = 0 of [1]) {}", "for-of loop variable declaration may not have an initializer", 1, 6],
  ["new.target at the top level", "new.target;", "'new.target' can only be used in functions and class static block", 1, 1],
  ["= in an object literal", "const o = { a = 1 };", "Shorthand property assignments are valid only in destructuring patterns", 1, 15],
  // Plain syntax errors: sucrase's parser rejects them itself.
  ["with statement", "with (Math) {\n  max(1, 2);\n}", "Unexpected token", 1, 1],
  ["let as a name", "let let = 1;", "Unexpected token", 1, 5],
  ["reserved word as a name", "const class = 1;", "Unexpected token", 1, 7],
  ["missing closing brace", "function f() {\n  return 1;\n", "Unexpected token", 3, 1],
  ["missing closing parenthesis", "console.log((1 + 2);", 'Unexpected token, expected ","', 1, 20],
  ["unterminated string", 'const s = "abc;\nconst t = 1;', "Unterminated string constant", 1, 11],
  ["commas in a for", "for (let i = 0, i < 3, i++) {}", 'Unexpected token, expected ";"', 1, 19],
];

describe("learner slips are reported where acorn reported them", () => {
  it.each(SLIPS)("%s", (_name, src, message, line, column) => {
    expect(reported(src)?.error).toEqual({ message, line, column });
  });

  it("both paths are exercised, and the locator is needed only for errors inside functions, blocks and expressions", () => {
    const byPath = Object.groupBy(SLIPS, ([, src]) => reported(src)?.path ?? "none");
    expect(Object.keys(byPath).sort()).toEqual(["locator", "transpile"]);
    expect(byPath.locator?.map(([name]) => name)).not.toContain("duplicate let");
  });

  it("an HTML comment: acorn and sucrase accept it, the engine rejects it (no position, as before)", () => {
    expect(transpile("x <!-- y", { cellId: "slip" }).ok).toBe(true);
    expect(reported("x <!-- y")).toBeNull();
  });
});

describe("the kernel reports an engine-rejected slip with the locator's position (Node worker)", () => {
  it("await in a function that is not async: acorn's message at line 2, column 3", async () => {
    const { createHeadlessNotebook } = await import("../../src/runtime/headless.ts");
    const notebook = createHeadlessNotebook();
    try {
      const out = await notebook.run("slip", "function f() {\n  await g();\n}");
      expect(out.status).toBe("error");
      expect(out.error).toMatchObject({ name: "SyntaxError", phase: "syntax", message: "Cannot use keyword 'await' outside an async function", line: 2, column: 3 });
    } finally {
      await notebook.close();
    }
  });
});

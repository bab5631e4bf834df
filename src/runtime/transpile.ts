/**
 * Cell TypeScript → JavaScript that runs in the page's shared scope.
 *
 * Sucrase strips the types (keeping every line where it was), then sucrase's
 * own parser reads the JavaScript's top-level statements (top-level.ts: the
 * worker carries no second parser) and the top level is rewritten in place so
 * the worker's global object *is* the page scope, as in a Jupyter notebook:
 *
 *  - `const/let/var` declarations become assignments to globals the prelude
 *    creates (`const {a, b: [c]} = e` → `;({a, b: [c]} = e)`), so re-running a
 *    cell redefines its names and other cells' closures see the same bindings;
 *    after a `const` statement the kernel makes its names read-only
 *    (`__cell$freeze(["a", "c"])`), so `a = 2` anywhere throws as in a module,
 *    while the next run of the cell (whose prelude declares them) redefines them,
 *    as does another cell declaring the same name (no redeclaration error across
 *    cells); a `var` inside a block or loop head is left as it is, so it stays the
 *    cell's own, though within the cell it clashes with a `let` as in a script;
 *  - `function f() {}` stays (hoisted) and the prelude publishes `f`;
 *  - `class C {}` → `C = class C {};`;
 *  - `import { Dense } from "nn"` → `;({ Dense } = __cell$import("nn"));`;
 *  - the last expression statement becomes `return (expr)`: the cell's value.
 *
 * Everything is wrapped as `(async () => { <prelude> ... \n})` with the
 * prelude on the first line, so line N of the cell is line N of the evaluated
 * code, top-level await works, and error positions map back exactly (columns
 * through the edits here and, best effort, through sucrase's deletions).
 *
 * Sucrase's parser is not a validator: it accepts most early errors. Those the
 * rewrite would hide from the engine (a name declared twice at the top level,
 * `const` without a value, a top-level `return`, duplicate or undefined
 * exports) and `f() = 1`, which V8 compiles, are reported here (`earlyError`)
 * with the messages and positions acorn gave when it parsed every cell. The
 * engine rejects the rest, and the kernel then loads acorn (syntax-locator.ts)
 * to say where. test/runtime/transpile-differential.test.ts holds all of this
 * to the acorn-based transpiler it replaced (transpile-oracle.ts).
 */
import { transform } from "sucrase";
import { alignColumn } from "./align-column.ts";
import {
  assignmentToCall, closingIndex, ContextualKeyword, findAtDepthZero, hoistedVars, insideFunction, isAssignment, isContextual, isImportBinding,
  isTopLevelBinding, readTopLevel, splitAtDepthZero, stringValue, tt, type Statement, type Token, type TopLevelCode,
} from "./top-level.ts";

export { alignColumn };

/** Names of the helpers the kernel defines on the global object for rewritten cells. */
export const HELPERS = {
  declare: "__cell$declare",
  define: "__cell$define",
  freeze: "__cell$freeze",
  importSync: "__cell$import",
  importAsync: "__cell$importAsync",
} as const;

/**
 * Globals a cell may not redefine: the shared scope is the worker's global
 * object, so `const Map = …` would replace the real Map for every later cell.
 */
export const RESERVED_GLOBALS: ReadonlySet<string> = new Set([
  "globalThis", "self", "undefined", "NaN", "Infinity", "eval", "Object", "Function", "Array", "Number", "String",
  "Boolean", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Proxy", "Promise", "Map", "Set", "WeakMap", "WeakSet",
  "WeakRef", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "Date", "RegExp", "ArrayBuffer",
  "Float64Array", "Float32Array", "Int32Array", "Uint8Array", "Uint8ClampedArray", "Int8Array", "Int16Array",
  "Uint16Array", "Uint32Array", "BigInt64Array", "BigUint64Array", "DataView", "console", "setTimeout", "clearTimeout",
  "setInterval", "clearInterval", "queueMicrotask", "structuredClone", "performance", "postMessage", "onmessage",
  "addEventListener", "removeEventListener", "close", "importScripts",
]);

/** Options for {@link transpile}. */
export interface TranspileOptions {
  /** Used for the `//# sourceURL=cell-<id>.ts` comment that names the cell in stack traces. */
  cellId: string;
  /**
   * Modules cells may import, with their runtime export names (null: any name).
   * Default `{ nn: null }`.
   */
  modules?: Record<string, readonly string[] | null>;
  /** Globals that cells may not declare (default {@link RESERVED_GLOBALS}). */
  reserved?: ReadonlySet<string>;
}

/** A syntax (or import) error, positioned in the reader's TypeScript (1-based line and column). */
export interface TranspileError {
  message: string;
  line: number;
  column: number;
}

/** The transpiled cell. */
export interface TranspileSuccess {
  ok: true;
  /** JavaScript that evaluates (indirect eval) to an async function running the cell. */
  code: string;
  /** Top-level names the cell defines (declared on the global object before it runs). */
  names: string[];
  /** True when the last statement is an expression whose value is the cell's result. */
  hasResult: boolean;
  /** The JavaScript sucrase made of the cell, before the rewrite (what the syntax-error locator parses). */
  js: string;
  /** The source URL used in stack traces, e.g. `cell-intro-1.ts`. */
  sourceUrl: string;
  /** Maps a 1-based position in `code` (as in a stack trace) to a 1-based position in the cell. */
  mapPosition(line: number, column: number): { line: number; column: number };
}

/** Result of {@link transpile}: errors are data. */
export type TranspileResult = TranspileSuccess | { ok: false; error: TranspileError };

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A stable, URL-safe file name for a cell id. */
export function cellSourceUrl(cellId: string): string {
  return `cell-${cellId.replace(/[^A-Za-z0-9_.-]/g, "_")}.ts`;
}

/** Transpiles one cell. Never throws: syntax errors come back as `{ ok: false }`. */
export function transpile(source: string, options: TranspileOptions): TranspileResult {
  const modules = options.modules ?? { nn: null };
  const reserved = options.reserved ?? RESERVED_GLOBALS;
  // 1. Types away.
  const stripped = stripTypes(source);
  if (typeof stripped !== "string") return stripped;
  const js = stripped;
  // 2. The JavaScript's top-level statements (sucrase's parser, JavaScript mode).
  const code = readTopLevel(js);
  const top: TopLevel = { js, source, code: code as TopLevelCode, modules, reserved, edits: [], names: [], functions: [], hasResult: false };
  if (!("tokens" in code)) return failAt(top, code.message, code.pos);
  const statements = code.statements.map((s) => readStatement(js, code.tokens, s));
  // Errors a module body may not have and the rewrite would hide from the engine.
  const early = earlyError(top, statements);
  if (early) return early;
  // 3. Rewrite the top level.
  for (let idx = 0; idx < statements.length; idx++) {
    const failed = rewriteStatement(top, statements[idx], idx === statements.length - 1);
    if (failed) return failed;
  }
  // Dynamic import() anywhere → the kernel's async import (same modules, same errors).
  const { tokens } = code;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].type === tt._import && tokens[i + 1].type === tt.parenL) {
      top.edits.push({ start: tokens[i].start, end: tokens[i].start + "import".length, text: HELPERS.importAsync });
    }
  }
  // 4. Apply the edits and wrap.
  return wrapCell(top, options.cellId, js);
}

/**
 * Step 1. Sucrase keeps line structure; keepUnusedImports keeps
 * `import { Dense } from "nn"` even if unused here, because in a notebook a
 * later cell may use the name (type-only imports are still removed).
 */
function stripTypes(source: string): string | TranspileResult {
  try {
    return transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, "");
    // Sucrase's Loc is 1-based in both line and column.
    return { ok: false, error: { message, line: err.loc?.line ?? 1, column: err.loc?.column ?? 1 } };
  }
}

/** Step 3's state: the edits to the JavaScript and what the cell declares. */
interface TopLevel {
  js: string;
  source: string;
  code: TopLevelCode;
  modules: Readonly<Record<string, readonly string[] | null>>;
  reserved: ReadonlySet<string>;
  edits: Edit[];
  names: string[];
  functions: string[];
  hasResult: boolean;
}

/** An error at offset `pos` of the JavaScript, positioned in the reader's TypeScript. */
function failAt(top: Pick<TopLevel, "js" | "source">, message: string, pos: number): TranspileResult {
  const { line, column } = offsetToLineCol(top.js, pos);
  return { ok: false, error: { message, line, column: alignColumn(lineText(top.js, line), lineText(top.source, line), column) + 1 } };
}

/** Records a top-level name; the problem when it would replace a shared global. */
function declareName(top: TopLevel, name: string): string | null {
  if (top.reserved.has(name)) return `cannot redefine the global "${name}" in a cell (every cell shares it); choose another name`;
  if (!top.names.includes(name)) top.names.push(name);
  return null;
}

// ---------------------------------------------------------------------------
// What each top-level statement is, read off its tokens.

/** A name token: its text and offset. */
interface Name {
  name: string;
  start: number;
}

/** A `let`/`const`/`var` declarator: its extent, its pattern's kind and names, and whether it has an initialiser. */
interface Declarator {
  start: number;
  end: number;
  /** The token after the declarator (`,`, `;` or the next statement), for acorn's "Unexpected token" position. */
  next: number;
  /** End of the pattern's last token (acorn's "Complete the destructuring pattern" position). */
  patternEnd: number;
  pattern: "identifier" | "object" | "array";
  names: Name[];
  init: boolean;
}

interface ImportSpecifier {
  kind: "named" | "default" | "namespace";
  /** Where an error about this specifier points (acorn's specifier start). */
  start: number;
  local: string;
  /** Where the local name is (acorn's position for a redeclaration). */
  localStart: number;
  /** The exported name (named imports). */
  imported?: Name;
}

/** A top-level statement, as the rewrite sees it. `start`/`end` are offsets of the JavaScript. */
type TopStatement = { start: number; end: number; first: number; last: number } & (
  | { kind: "variables"; keyword: "var" | "let" | "const"; declarators: Declarator[] }
  | { kind: "function" | "class"; id: Name | null }
  | { kind: "import"; specifiers: ImportSpecifier[]; source: Name }
  | { kind: "expression"; isAssignment: boolean }
  /**
   * `export` before a declaration or expression (`inner`), or a list (`export { a as b }`: `locals` a, `names` b);
   * `from`: a re-export. `names` are the names exported ("default" included), where acorn points at them.
   */
  | { kind: "export"; inner: TopStatement | null; locals: Name[]; names: Name[]; from: boolean }
  | { kind: "other" }
);

/** The statement `tokens[s.first..s.end)` (trailing `;` included, as in acorn's node extents). */
function readStatement(js: string, tokens: readonly Token[], s: Statement): TopStatement {
  return readTokens(js, tokens, s.first, s.end, s.end);
}

/** The statement made of `tokens[first..end)`; `next` is the token after it (for errors at the following token). */
function readTokens(js: string, tokens: readonly Token[], first: number, end: number, next: number): TopStatement {
  const head = tokens[first];
  const at = { start: head.start, end: tokens[end - 1].end, first, last: end - 1 };
  const text = (i: number): Name => ({ name: identifierName(js.slice(tokens[i].start, tokens[i].end)), start: tokens[i].start });
  switch (head.type) {
    case tt._var:
    case tt._let:
    case tt._const:
      return { ...at, kind: "variables", keyword: head.type === tt._var ? "var" : head.type === tt._let ? "let" : "const", declarators: readDeclarators(js, tokens, first + 1, end, next) };
    case tt._function:
    case tt._class: {
      let i = first + 1;
      while (i < end && tokens[i].type !== tt.name && tokens[i].type !== tt.braceL && tokens[i].type !== tt.parenL) i++;
      return { ...at, kind: head.type === tt._function ? "function" : "class", id: tokens[i]?.type === tt.name && i < end ? text(i) : null };
    }
    case tt._import:
      if (tokens[first + 1]?.type === tt.parenL || tokens[first + 1]?.type === tt.dot) return { ...at, kind: "expression", isAssignment: isAssignment(tokens, first, withoutSemi(tokens, first, end)) };
      return { ...at, kind: "import", ...readImport(tokens, first + 1, end, text) };
    case tt._export:
      return { ...at, kind: "export", ...readExport(js, tokens, first + 1, end, next, text) };
  }
  if (isContextual(head, ContextualKeyword._async) && tokens[first + 1]?.type === tt._function && first + 1 < end) {
    const id = tokens[first + 3]?.type === tt.name ? first + 3 : first + 2;
    return { ...at, kind: "function", id: tokens[id]?.type === tt.name && id < end ? text(id) : null };
  }
  if (STATEMENT_KEYWORDS.has(head.type) || (head.type === tt.name && tokens[first + 1]?.type === tt.colon && first + 1 < end)) return { ...at, kind: "other" };
  return { ...at, kind: "expression", isAssignment: isAssignment(tokens, first, withoutSemi(tokens, first, end)) };
}

/** Tokens that begin a statement other than an expression statement. */
const STATEMENT_KEYWORDS = new Set([
  tt._if, tt._for, tt._while, tt._do, tt._return, tt._break, tt._continue, tt._throw, tt._try, tt._switch, tt._with, tt._debugger,
  tt.braceL, tt.semi,
]);

function withoutSemi(tokens: readonly Token[], first: number, end: number): number {
  return end - 1 > first && tokens[end - 1].type === tt.semi ? end - 1 : end;
}

function readDeclarators(js: string, tokens: readonly Token[], from: number, end: number, next: number): Declarator[] {
  const to = withoutSemi(tokens, from - 1, end);
  const parts = splitAtDepthZero(tokens, from, to, tt.comma);
  return parts.map(([a, b]) => {
    const eq = findAtDepthZero(tokens, a, b, tt.eq);
    const patternTo = eq >= 0 ? eq : b;
    const names: Name[] = [];
    for (let i = a; i < patternTo; i++) {
      if (isTopLevelBinding(tokens[i])) names.push({ name: identifierName(js.slice(tokens[i].start, tokens[i].end)), start: tokens[i].start });
    }
    const pattern = tokens[a].type === tt.braceL ? "object" : tokens[a].type === tt.bracketL ? "array" : "identifier";
    const after = b < end ? tokens[b].start : next < tokens.length ? tokens[next].start : js.length;
    return { start: tokens[a].start, end: tokens[b - 1].end, next: after, patternEnd: tokens[patternTo - 1].end, pattern, names, init: eq >= 0 };
  });
}

function readImport(tokens: readonly Token[], from: number, end: number, text: (i: number) => Name): { specifiers: ImportSpecifier[]; source: Name } {
  const specifiers: ImportSpecifier[] = [];
  let i = from;
  for (; i < end && tokens[i].type !== tt.string; i++) {
    const t = tokens[i];
    if (t.type === tt.star) {
      // `* as ns`
      specifiers.push({ kind: "namespace", start: t.start, local: text(i + 2).name, localStart: text(i + 2).start });
      i += 2;
    } else if (t.type === tt.braceL) {
      const close = closingIndex(tokens, i, end);
      for (const [a, b] of splitAtDepthZero(tokens, i + 1, close, tt.comma)) {
        // `imported`, or `imported as local` (imported may be a string)
        const imported = text(a);
        // Sucrase tokenises a quoted name (`import { "a-b" as c }`) as a name token: read it by its quote.
        const name = /^["']/.test(imported.name) ? stringValue(imported.name) : imported.name;
        specifiers.push({ kind: "named", start: imported.start, local: text(b - 1).name, localStart: text(b - 1).start, imported: { name, start: imported.start } });
      }
      i = close;
    } else if (isImportBinding(t)) {
      specifiers.push({ kind: "default", start: t.start, local: text(i).name, localStart: t.start });
    }
  }
  const source = text(i);
  return { specifiers, source: { name: stringValue(source.name), start: source.start } };
}

function readExport(
  js: string, tokens: readonly Token[], from: number, end: number, next: number, text: (i: number) => Name,
): { inner: TopStatement | null; locals: Name[]; names: Name[]; from: boolean } {
  const head = tokens[from];
  if (head?.type === tt.star) return { inner: null, locals: [], names: [], from: true };
  if (head?.type === tt.braceL) {
    const close = closingIndex(tokens, from, end);
    if (isContextual(tokens[close + 1], ContextualKeyword._from)) return { inner: null, locals: [], names: [], from: true };
    const entries = splitAtDepthZero(tokens, from + 1, close, tt.comma);
    const exportedName = (i: number): Name => ({ ...text(i), name: /^["']/.test(text(i).name) ? stringValue(text(i).name) : text(i).name });
    return { inner: null, locals: entries.map(([a]) => text(a)), names: entries.map(([, b]) => exportedName(b - 1)), from: false };
  }
  if (head?.type === tt._default) {
    const inner = readTokens(js, tokens, from + 1, end, next);
    const declaration = (inner.kind === "function" || inner.kind === "class") && inner.id;
    // `export default <expression>` (or an anonymous function or class) is the expression, as the cell's last value.
    const names = [{ name: "default", start: head.start }];
    if (!declaration) return { inner: { ...inner, kind: "expression", isAssignment: isAssignment(tokens, from + 1, withoutSemi(tokens, from, end)) }, locals: [], names, from: false };
    return { inner, locals: [], names, from: false };
  }
  const inner = readTokens(js, tokens, from, end, next);
  const names = inner.kind === "variables" ? inner.declarators.flatMap((d) => d.names) : (inner.kind === "function" || inner.kind === "class") && inner.id ? [inner.id] : [];
  return { inner, locals: [], names, from: false };
}

// ---------------------------------------------------------------------------
// Early errors: acorn reported these when it parsed the cell as a module body;
// after the rewrite the engine would accept the code (`let x; let x` becomes two
// assignments, `const y` gets `= undefined`, `return` is legal in the wrapper),
// or V8 accepts it anyway (`f() = 1` throws only when it runs), so they are
// found here, with acorn's messages and positions. The other early errors the
// engine rejects; the kernel then asks syntax-locator.ts (acorn) where they are.

/** The first early error, in source order (undefined exports last, as acorn checks them at the end). */
function earlyError(top: TopLevel, statements: TopStatement[]): TranspileResult | null {
  const problems: Array<{ message: string; pos: number }> = [];
  const bindings: Array<{ name: string; start: number; lexical: boolean }> = [];
  const exportedLocals: Name[] = [];
  const exportedNames = new Set<string>();
  const { tokens } = top.code;
  for (const st of statements) {
    const s = st.kind === "export" ? (st.inner ?? st) : st;
    if (st.kind === "export") {
      exportedLocals.push(...st.locals);
      for (const n of st.names) {
        if (exportedNames.has(n.name)) problems.push({ message: `Duplicate export '${n.name}'`, pos: n.start });
        exportedNames.add(n.name);
      }
    }
    if (s.kind === "variables") {
      for (const d of s.declarators) {
        for (const n of d.names) bindings.push({ ...n, lexical: s.keyword !== "var" });
        if (!d.init && s.keyword === "const") problems.push({ message: "Unexpected token", pos: d.next });
        else if (!d.init && d.pattern !== "identifier") problems.push({ message: "Complete the destructuring pattern", pos: d.patternEnd });
      }
    } else if ((s.kind === "function" || s.kind === "class") && s.id) {
      bindings.push({ ...s.id, lexical: true });
    } else if (s.kind === "import") {
      for (const sp of s.specifiers) bindings.push({ name: sp.local, start: sp.localStart, lexical: true });
    }
    if (s.kind !== "other") continue;
    // Inside a compound statement: a `var` that is not in a function is a top-level name too; a `return` there is an error.
    for (const i of hoistedVars(top.code, { first: st.first, end: st.last + 1 })) {
      bindings.push({ name: identifierName(top.js.slice(tokens[i].start, tokens[i].end)), start: tokens[i].start, lexical: false });
    }
    for (let i = st.first; i <= st.last; i++) {
      if (tokens[i].type === tt._return && !insideFunction(top.code, i)) problems.push({ message: "'return' outside of function", pos: tokens[i].start });
    }
  }
  bindings.sort((a, b) => a.start - b.start);
  const lexical = new Set<string>();
  const vars = new Set<string>();
  for (const b of bindings) {
    if (lexical.has(b.name) || (b.lexical && vars.has(b.name))) problems.push({ message: `Identifier '${b.name}' has already been declared`, pos: b.start });
    (b.lexical ? lexical : vars).add(b.name);
  }
  const callTarget = assignmentToCall(top.js, tokens);
  if (callTarget >= 0) problems.push({ message: "Assigning to rvalue", pos: callTarget });
  problems.sort((a, b) => a.pos - b.pos);
  if (problems.length) return failAt(top, problems[0].message, problems[0].pos);
  const missing = exportedLocals.find((n) => !lexical.has(n.name) && !vars.has(n.name));
  return missing ? failAt(top, `Export '${missing.name}' is not defined`, missing.start) : null;
}

/** An identifier's name, escapes decoded (`\\u0061bc` is `abc`). */
function identifierName(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, braced: string | undefined, four: string | undefined) => String.fromCodePoint(parseInt(braced ?? four ?? "0", 16)));
}

// ---------------------------------------------------------------------------
// Step 3: the rewrite, one top-level statement at a time.

/** Rewrites one top-level statement onto the page scope; an error result, or null. */
function rewriteStatement(top: TopLevel, statement: TopStatement, isLast: boolean): TranspileResult | null {
  const { js, edits } = top;
  let stmt = statement;
  // `export` is meaningless in a cell: blank the keyword, keep the declaration.
  if (stmt.kind === "export") {
    if (stmt.from) return failAt(top, "cells cannot re-export modules", stmt.start);
    const decl = stmt.inner;
    if (!decl) {
      edits.push({ start: stmt.start, end: stmt.end, text: blank(js.slice(stmt.start, stmt.end)) });
      return null;
    }
    edits.push({ start: stmt.start, end: decl.start, text: " ".repeat(decl.start - stmt.start) });
    stmt = decl;
  }

  switch (stmt.kind) {
    case "variables":
      return rewriteVariables(top, stmt);
    case "function": {
      const id = stmt.id as Name;
      const problem = declareName(top, id.name);
      if (problem) return failAt(top, problem, id.start);
      top.functions.push(id.name);
      return null;
    }
    case "class": {
      const id = stmt.id as Name;
      const problem = declareName(top, id.name);
      if (problem) return failAt(top, problem, id.start);
      edits.push({ start: stmt.start, end: stmt.start, text: `;${id.name} = ` });
      edits.push({ start: stmt.end, end: stmt.end, text: ";" });
      return null;
    }
    case "import":
      return rewriteImport(top, stmt);
    case "expression": {
      if (isLast && !stmt.isAssignment) {
        top.hasResult = true;
        // Around the whole statement, parentheses included: `({ a })` → `return (({ a }))`.
        const end = js[stmt.end - 1] === ";" ? stmt.end - 1 : stmt.end;
        edits.push({ start: stmt.start, end: stmt.start, text: "return (" });
        edits.push({ start: end, end, text: ")" });
      }
      return null;
    }
  }
  return null;
}

/** `let`/`const`/`var` at the top level become assignments to page-scope names; `const` is frozen after. */
function rewriteVariables(top: TopLevel, stmt: TopStatement & { kind: "variables" }): TranspileResult | null {
  const { js, edits } = top;
  const decls = stmt.declarators;
  const constNames: string[] = [];
  for (const d of decls) {
    for (const id of d.names) {
      const problem = declareName(top, id.name);
      if (problem) return failAt(top, problem, id.start);
      if (stmt.keyword === "const") constNames.push(id.name);
    }
  }
  const first = decls[0];
  const keywordLen = first.start - stmt.start;
  const firstIsObject = first.pattern === "object";
  // ";" guards against the previous line continuing into this one (ASI);
  // "(" lets `{a} = e` parse as an assignment, not a block.
  const lead = firstIsObject ? ";(" : ";";
  edits.push({ start: stmt.start, end: first.start, text: " ".repeat(Math.max(0, keywordLen - lead.length)) + lead });
  decls.forEach((d, i) => {
    const isObject = d.pattern === "object";
    if (isObject && i > 0) edits.push({ start: d.start, end: d.start, text: "(" });
    if (!d.init && stmt.keyword !== "var") edits.push({ start: d.end, end: d.end, text: " = undefined" });
    if (isObject) edits.push({ start: d.end, end: d.end, text: ")" });
  });
  if (js[stmt.end - 1] !== ";") edits.push({ start: stmt.end, end: stmt.end, text: ";" });
  // Same line, after the statement: line numbers do not move.
  if (constNames.length) edits.push({ start: stmt.end, end: stmt.end, text: ` ${HELPERS.freeze}(${JSON.stringify(constNames)});` });
  return null;
}

/** A static import becomes a read of the kernel's module table; unknown modules and names fail here. */
function rewriteImport(top: TopLevel, stmt: TopStatement & { kind: "import" }): TranspileResult | null {
  const { js, edits, modules } = top;
  const spec = stmt.source.name;
  if (!(spec in modules)) {
    const known = Object.keys(modules).map((m) => `"${m}"`).join(", ");
    return failAt(top, `unknown module: "${spec}" (cells can import from ${known})`, stmt.source.start);
  }
  const exported = modules[spec];
  const parts: string[] = [];
  const named: string[] = [];
  for (const s of stmt.specifiers) {
    const local = s.local;
    const problem = declareName(top, local);
    if (problem) return failAt(top, problem, s.start);
    if (s.kind === "named") {
      const imported = s.imported as Name;
      const name = imported.name;
      if (exported && !exported.includes(name)) {
        return failAt(top, `"${spec}" has no export named "${name}" (for a type, write: import type { ${name} } from "${spec}")`, imported.start);
      }
      named.push(name === local ? local : `${JSON.stringify(name)}: ${local}`);
    } else {
      parts.push(`${local} = ${HELPERS.importSync}(${JSON.stringify(spec)})`);
    }
  }
  if (named.length) parts.push(`({ ${named.join(", ")} } = ${HELPERS.importSync}(${JSON.stringify(spec)}))`);
  const text = parts.length ? `;${parts.join(", ")};` : `;${HELPERS.importSync}(${JSON.stringify(spec)});`;
  edits.push({ start: stmt.start, end: stmt.end, text: keepNewlines(js.slice(stmt.start, stmt.end), text) });
  return null;
}

/** Step 4. Applies the edits, wraps the cell in an async function and builds the position map back to the cell. */
function wrapCell(top: TopLevel, cellId: string, js: string): TranspileSuccess {
  const { source, edits, names, functions } = top;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const { text: rewritten, segments } = applyEdits(js, edits);
  const prelude =
    `(async () => { "use strict"; ${HELPERS.declare}(${JSON.stringify(names)});` +
    (functions.length ? ` ${HELPERS.define}({ ${functions.join(", ")} });` : "") +
    " ";
  const sourceUrl = cellSourceUrl(cellId);
  const code = `${prelude}${rewritten}\n})\n//# sourceURL=${sourceUrl}`;

  const jsLineStarts = lineStarts(js);
  const genLineStarts = lineStarts(rewritten);
  const mapPosition = (line: number, column: number): { line: number; column: number } => {
    let col0 = column - 1;
    if (line === 1) col0 -= prelude.length;
    if (line < 1 || line > genLineStarts.length) return { line, column };
    const genOffset = genLineStarts[line - 1] + Math.max(0, col0);
    const jsOffset = mapBack(segments, genOffset);
    const jsLine = Math.min(line, jsLineStarts.length);
    const jsCol = Math.max(0, jsOffset - jsLineStarts[jsLine - 1]);
    return { line, column: alignColumn(lineText(js, jsLine), lineText(source, jsLine), jsCol) + 1 };
  };
  return { ok: true, code, names, hasResult: top.hasResult, js, sourceUrl, mapPosition };
}

// ---------------------------------------------------------------------------

/** Replaces everything but newlines by spaces. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, " ");
}

/** Pads `text` with the newlines `original` had, so line numbers after it do not move. */
function keepNewlines(original: string, text: string): string {
  const want = (original.match(/\n/g) ?? []).length;
  const have = (text.match(/\n/g) ?? []).length;
  return text + "\n".repeat(Math.max(0, want - have));
}

interface Segment {
  /** Offset of the edit in the original text. */
  start: number;
  end: number;
  /** Offset of its replacement in the new text. */
  genStart: number;
  genEnd: number;
}

function applyEdits(src: string, edits: Edit[]): { text: string; segments: Segment[] } {
  let out = "";
  let pos = 0;
  const segments: Segment[] = [];
  for (const e of edits) {
    if (e.start < pos) continue; // overlapping edits cannot happen for well-formed input; skip defensively
    out += src.slice(pos, e.start);
    const genStart = out.length;
    out += e.text;
    segments.push({ start: e.start, end: e.end, genStart, genEnd: out.length });
    pos = e.end;
  }
  out += src.slice(pos);
  return { text: out, segments };
}

/** A generated offset back to the original offset (inside an edit: the edit's start). */
function mapBack(segments: Segment[], g: number): number {
  let orig = g;
  for (const s of segments) {
    if (s.genStart > g) break;
    orig = g < s.genEnd ? s.start : s.end + (g - s.genEnd);
  }
  return orig;
}

function lineStarts(s: string): number[] {
  const starts = [0];
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineText(s: string, line: number): string {
  return s.split("\n")[line - 1] ?? "";
}

function offsetToLineCol(s: string, offset: number): { line: number; column: number } {
  const before = s.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length + 1;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) };
}

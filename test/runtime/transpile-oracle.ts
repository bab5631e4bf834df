/**
 * TEST-ONLY ORACLE: the acorn-based transpiler the runtime used until the
 * top-level rewrite moved onto sucrase's parser (src/runtime/transpile.ts,
 * src/runtime/top-level.ts). Kept verbatim (imports and this comment aside) so
 * test/runtime/transpile-differential.test.ts can keep checking, forever, that
 * the token-based rewrite gives byte-identical code, names and results. Do not
 * "fix" it: a deliberate change of behaviour belongs in the differential test's
 * list of known differences, with its reason.
 */
import { transform } from "sucrase";
import { parse, type Node } from "acorn";

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

type AnyNode = Node & Record<string, unknown>;

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
  // 2. Parse the JavaScript as a module body.
  const parsed = parseModule(js, source);
  if (!parsed.ok) return parsed;
  const program = parsed.program;
  // 3. Rewrite the top level.
  const top: TopLevel = { js, source, modules, reserved, edits: [], names: [], functions: [], hasResult: false };
  const body = program.body as AnyNode[];
  for (let idx = 0; idx < body.length; idx++) {
    const failed = rewriteStatement(top, body[idx], idx === body.length - 1);
    if (failed) return failed;
  }
  // Dynamic import() anywhere → the kernel's async import (same modules, same errors).
  walk(program, (n) => {
    if (n.type === "ImportExpression") top.edits.push({ start: n.start, end: n.start + "import".length, text: HELPERS.importAsync });
  });
  // 4. Apply the edits and wrap.
  return wrapCell(top, options.cellId);
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

/** Step 2. The JavaScript as a module body (strict, top-level await). */
function parseModule(js: string, source: string): { ok: true; program: AnyNode } | { ok: false; error: TranspileError } {
  try {
    return { ok: true, program: parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true }) as unknown as AnyNode };
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, "");
    const line = err.loc?.line ?? 1;
    return { ok: false, error: { message, line, column: alignColumn(lineText(js, line), lineText(source, line), err.loc?.column ?? 0) + 1 } };
  }
}

/** Step 3's state: the edits to the JavaScript and what the cell declares. */
interface TopLevel {
  js: string;
  source: string;
  modules: Readonly<Record<string, readonly string[] | null>>;
  reserved: ReadonlySet<string>;
  edits: Edit[];
  names: string[];
  functions: string[];
  hasResult: boolean;
}

/** An error at offset `pos` of the JavaScript, positioned in the reader's TypeScript. */
function failAt(top: TopLevel, message: string, pos: number): TranspileResult {
  const { line, column } = offsetToLineCol(top.js, pos);
  return { ok: false, error: { message, line, column: alignColumn(lineText(top.js, line), lineText(top.source, line), column) + 1 } };
}

/** Records a top-level name; the problem when it would replace a shared global. */
function declareName(top: TopLevel, name: string): string | null {
  if (top.reserved.has(name)) return `cannot redefine the global "${name}" in a cell (every cell shares it); choose another name`;
  if (!top.names.includes(name)) top.names.push(name);
  return null;
}

/** Rewrites one top-level statement onto the page scope; an error result, or null. */
function rewriteStatement(top: TopLevel, statement: AnyNode, isLast: boolean): TranspileResult | null {
  const { js, edits } = top;
  let stmt = statement;
  // `export` is meaningless in a cell: blank the keyword, keep the declaration.
  if (stmt.type === "ExportNamedDeclaration" || stmt.type === "ExportDefaultDeclaration") {
    const decl = stmt.declaration as AnyNode | null;
    if (stmt.source) return failAt(top, "cells cannot re-export modules", stmt.start);
    if (!decl) {
      edits.push({ start: stmt.start, end: stmt.end, text: blank(js.slice(stmt.start, stmt.end)) });
      return null;
    }
    edits.push({ start: stmt.start, end: decl.start, text: " ".repeat(decl.start - stmt.start) });
    if (stmt.type === "ExportDefaultDeclaration" && !/Declaration$/.test(decl.type)) {
      stmt = { ...decl, type: "ExpressionStatement", expression: decl, start: decl.start, end: stmt.end } as AnyNode;
    } else {
      stmt = decl;
    }
  }

  switch (stmt.type) {
    case "VariableDeclaration":
      return rewriteVariables(top, stmt);
    case "FunctionDeclaration": {
      const id = stmt.id as AnyNode;
      const problem = declareName(top, id.name as string);
      if (problem) return failAt(top, problem, id.start);
      top.functions.push(id.name as string);
      return null;
    }
    case "ClassDeclaration": {
      const id = stmt.id as AnyNode;
      const problem = declareName(top, id.name as string);
      if (problem) return failAt(top, problem, id.start);
      edits.push({ start: stmt.start, end: stmt.start, text: `;${id.name} = ` });
      edits.push({ start: stmt.end, end: stmt.end, text: ";" });
      return null;
    }
    case "ImportDeclaration":
      return rewriteImport(top, stmt);
    case "ExpressionStatement": {
      const expr = stmt.expression as AnyNode;
      if (isLast && expr.type !== "AssignmentExpression") {
        top.hasResult = true;
        // Wrap the whole statement, not `expr`: acorn's expression node
        // starts inside any parentheses, so `({ a })` would become `(return ({ a }))`.
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
function rewriteVariables(top: TopLevel, stmt: AnyNode): TranspileResult | null {
  const { js, edits } = top;
  const decls = stmt.declarations as AnyNode[];
  const constNames: string[] = [];
  for (const d of decls) {
    for (const id of patternNames(d.id as AnyNode)) {
      const problem = declareName(top, id.name as string);
      if (problem) return failAt(top, problem, id.start);
      if (stmt.kind === "const") constNames.push(id.name as string);
    }
  }
  const first = decls[0];
  const keywordLen = first.start - stmt.start;
  const firstIsObject = (first.id as AnyNode).type === "ObjectPattern";
  // ";" guards against the previous line continuing into this one (ASI);
  // "(" lets `{a} = e` parse as an assignment, not a block.
  const lead = firstIsObject ? ";(" : ";";
  edits.push({ start: stmt.start, end: first.start, text: " ".repeat(Math.max(0, keywordLen - lead.length)) + lead });
  decls.forEach((d, i) => {
    const isObject = (d.id as AnyNode).type === "ObjectPattern";
    if (isObject && i > 0) edits.push({ start: d.start, end: d.start, text: "(" });
    if (!d.init && stmt.kind !== "var") edits.push({ start: d.end, end: d.end, text: " = undefined" });
    if (isObject) edits.push({ start: d.end, end: d.end, text: ")" });
  });
  if (js[stmt.end - 1] !== ";") edits.push({ start: stmt.end, end: stmt.end, text: ";" });
  // Same line, after the statement: line numbers do not move.
  if (constNames.length) edits.push({ start: stmt.end, end: stmt.end, text: ` ${HELPERS.freeze}(${JSON.stringify(constNames)});` });
  return null;
}

/** A static import becomes a read of the kernel's module table; unknown modules and names fail here. */
function rewriteImport(top: TopLevel, stmt: AnyNode): TranspileResult | null {
  const { js, edits, modules } = top;
  const spec = (stmt.source as AnyNode).value as string;
  if (!(spec in modules)) {
    const known = Object.keys(modules).map((m) => `"${m}"`).join(", ");
    return failAt(top, `unknown module: "${spec}" (cells can import from ${known})`, (stmt.source as AnyNode).start);
  }
  const exported = modules[spec];
  const parts: string[] = [];
  const named: string[] = [];
  for (const s of stmt.specifiers as AnyNode[]) {
    const local = (s.local as AnyNode).name as string;
    const problem = declareName(top, local);
    if (problem) return failAt(top, problem, s.start);
    if (s.type === "ImportSpecifier") {
      const imported = s.imported as AnyNode;
      const name = (imported.type === "Identifier" ? imported.name : imported.value) as string;
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
function wrapCell(top: TopLevel, cellId: string): TranspileSuccess {
  const { js, source, edits, names, functions } = top;
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
  return { ok: true, code, names, hasResult: top.hasResult, sourceUrl, mapPosition };
}

// ---------------------------------------------------------------------------

function patternNames(p: AnyNode | null): AnyNode[] {
  if (!p) return [];
  switch (p.type) {
    case "Identifier":
      return [p];
    case "ObjectPattern":
      return (p.properties as AnyNode[]).flatMap((prop) => patternNames((prop.type === "RestElement" ? prop.argument : prop.value) as AnyNode));
    case "ArrayPattern":
      return (p.elements as (AnyNode | null)[]).flatMap((e) => patternNames(e));
    case "AssignmentPattern":
      return patternNames(p.left as AnyNode);
    case "RestElement":
      return patternNames(p.argument as AnyNode);
    default:
      return [];
  }
}

function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === "loc") continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === "object" && typeof (c as AnyNode).type === "string") walk(c as AnyNode, visit);
    } else if (v && typeof v === "object" && typeof (v as AnyNode).type === "string") {
      walk(v as AnyNode, visit);
    }
  }
}

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

/**
 * A 0-based column in a sucrase output line → the column in the TypeScript
 * line it came from. Sucrase deletes type syntax, so the JS line is (nearly) a
 * subsequence of the TS line; a greedy character match finds where each JS
 * character came from. Falls back to the JS column when the lines disagree.
 */
export function alignColumn(jsLine: string, tsLine: string, jsCol: number): number {
  if (jsLine === tsLine) return jsCol;
  let t = 0;
  for (let j = 0; j < jsLine.length && j <= jsCol; j++) {
    const c = jsLine[j];
    if (c === " " || c === "\t") {
      if (j === jsCol) return Math.min(t, tsLine.length);
      if (tsLine[t] === c) t++;
      continue;
    }
    const found = tsLine.indexOf(c, t);
    if (found < 0) return jsCol;
    if (j === jsCol) return found;
    t = found + 1;
  }
  return Math.min(jsCol, tsLine.length);
}

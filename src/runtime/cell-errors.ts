/**
 * Turning whatever a cell threw into a `CellError` positioned in the reader's
 * TypeScript.
 *
 * Each evaluated cell carries `//# sourceURL=cell-<id>.ts`, so its frames in
 * a stack trace read `cell-<id>.ts:LINE:COL` (V8: `at f (cell-a.ts:3:9)`;
 * Firefox/Safari: `f@cell-a.ts:3:9`). The kernel registers each cell's
 * position map, and the first cell frame locates the error — even when a
 * function defined in another cell threw, or the throw happened inside the nn
 * library called from the cell. Non-Error throws (`throw 42`) have no stack:
 * they are reported by value.
 */
import { faultOf } from "./kernel-faults.ts";
import type { CellError } from "./protocol.ts";
import { richToText, toRich } from "./rich.ts";

/** What the kernel knows about an evaluated cell, by its source URL. */
export interface CellSource {
  cellId: string;
  mapPosition(line: number, column: number): { line: number; column: number };
}

/** Stack text parsed at most: frames past these limits are never cell frames worth showing. */
const MAX_STACK_LINES = 100;
const MAX_LINE_CHARS = 2000;
/** Characters allowed in a cell id inside `cell-<id>.ts` (see `cellSourceUrl`). */
const ID_CHAR = /[A-Za-z0-9_.-]/;

/**
 * Parses the cell frames of a stack, innermost first, mapped through `sources`.
 * Linear in the text it reads, and it reads at most the first
 * {@link MAX_STACK_LINES} lines of {@link MAX_LINE_CHARS} characters: an error
 * whose message is a huge JSON dump costs no more than a short one.
 */
export function cellFrames(stack: string, sources: ReadonlyMap<string, CellSource>, fallback?: CellSource): NonNullable<CellError["frames"]> {
  const out: NonNullable<CellError["frames"]> = [];
  let start = 0;
  for (let n = 0; n < MAX_STACK_LINES && start < stack.length; n++) {
    let end = stack.indexOf("\n", start);
    if (end < 0) end = stack.length;
    const raw = stack.slice(start, Math.min(end, start + MAX_LINE_CHARS));
    start = end + 1;
    const cell = parseCellLocation(raw);
    if (cell) {
      const src = sources.get(cell.file);
      if (!src) continue;
      const pos = src.mapPosition(cell.line, cell.column);
      out.push({ cellId: src.cellId, line: pos.line, column: pos.column, fn: cleanFn(frameName(raw, cell.at)) });
      continue;
    }
    const e = fallback ? parseEvalLocation(raw) : null;
    if (e && fallback) {
      const pos = fallback.mapPosition(e.line, e.column);
      out.push({ cellId: fallback.cellId, line: pos.line, column: pos.column, fn: cleanFn(frameName(raw, e.at)) });
    }
  }
  return out;
}

/** `…cell-<id>.ts:LINE:COL…` in one frame line: the last such location, or null. */
function parseCellLocation(line: string): { file: string; line: number; column: number; at: number } | null {
  let i = line.lastIndexOf(".ts:");
  while (i >= 0) {
    let s = i;
    while (s > 0 && i - s < 200 && ID_CHAR.test(line[s - 1])) s--;
    const k = line.slice(s, i).lastIndexOf("cell-"); // within the id's characters only: O(200)
    const idStart = k < 0 ? -1 : s + k;
    if (idStart >= 0) {
      const pos = lineColumn(line, i + 4);
      if (pos) return { file: line.slice(idStart, i + 3), ...pos, at: idStart };
    }
    i = i > 0 ? line.lastIndexOf(".ts:", i - 1) : -1;
  }
  return null;
}

/** Firefox/Safari eval frames: `fn@… > eval:LINE:COL` (or `> Function:`). */
function parseEvalLocation(line: string): { line: number; column: number; at: number } | null {
  for (const marker of ["> eval:", "> Function:"]) {
    const i = line.lastIndexOf(marker);
    if (i < 0) continue;
    const pos = lineColumn(line, i + marker.length);
    if (pos) return { ...pos, at: i };
  }
  return null;
}

/** `LINE:COL` starting at `from`. */
function lineColumn(s: string, from: number): { line: number; column: number } | null {
  const digits = (at: number): number => {
    let j = at;
    while (j < s.length && j - at < 10 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    return j;
  };
  const a = digits(from);
  if (a === from || s[a] !== ":") return null;
  const b = digits(a + 1);
  if (b === a + 1) return null;
  return { line: Number(s.slice(from, a)), column: Number(s.slice(a + 1, b)) };
}

/** The function name of a frame: V8 `at name (…)`, Firefox/Safari `name@…`. */
function frameName(line: string, locationAt: number): string {
  const t = line.trimStart();
  if (t.startsWith("at ")) {
    const paren = t.indexOf(" (");
    return paren > 3 ? t.slice(3, paren) : "";
  }
  const at = line.indexOf("@");
  return at >= 0 && at < locationAt ? line.slice(0, at).trim() : "";
}

function cleanFn(name: string): string {
  const n = name.replace(/^async\s+/, "").trim();
  return n === "eval" || n === "" ? "" : n;
}

/** True for objects that look like errors (cross-realm safe). */
export function isErrorLike(e: unknown): e is { name: string; message: string; stack?: string } {
  return !!e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string" &&
    (e instanceof Error || Object.prototype.toString.call(e) === "[object Error]");
}

/**
 * Converts a thrown value to a `CellError`. `fallback` is the running cell,
 * used when the engine's stack does not name cells (eval frames).
 */
export function toCellError(thrown: unknown, sources: ReadonlyMap<string, CellSource>, fallback?: CellSource): CellError {
  if (isErrorLike(thrown)) {
    // V8 repeats "name: message" at the top of the stack: skip it, however long the message is.
    const stack = typeof thrown.stack === "string" ? thrown.stack : "";
    const head = `${String(thrown.name)}: ${String(thrown.message)}`;
    const frames = cellFrames(stack.startsWith(head) ? stack.slice(head.length) : stack, sources, fallback);
    const top = frames[0];
    const fault = faultOf(thrown);
    return {
      name: String(thrown.name || "Error"),
      message: thrown.message,
      phase: "runtime",
      ...(top ? { cellId: top.cellId, line: top.line, column: top.column } : {}),
      ...(frames.length ? { frames } : {}),
      ...(fault ? { fault } : {}),
    };
  }
  const rich = toRich(thrown);
  return { name: "Uncaught", message: `${richToText(rich)} (a non-Error value was thrown)`, phase: "runtime", thrown: rich };
}

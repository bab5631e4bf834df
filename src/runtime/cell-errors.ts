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
import type { CellError } from "./protocol.ts";
import { richToText, toRich } from "./rich.ts";

/** What the kernel knows about an evaluated cell, by its source URL. */
export interface CellSource {
  cellId: string;
  mapPosition(line: number, column: number): { line: number; column: number };
}

const FRAME = /(?:^\s*at\s+(?:(.*?)\s+\()?|^\s*(.*?)@)?[^\s()]*?(cell-[^\s:()/]+\.ts):(\d+):(\d+)/;
const EVAL_FRAME = /^\s*(.*?)@.*> (?:eval|Function):(\d+):(\d+)/;

/** Parses the cell frames of a stack, innermost first, mapped through `sources`. */
export function cellFrames(stack: string, sources: ReadonlyMap<string, CellSource>, fallback?: CellSource): NonNullable<CellError["frames"]> {
  const out: NonNullable<CellError["frames"]> = [];
  for (const raw of stack.split("\n")) {
    const m = FRAME.exec(raw);
    if (m) {
      const src = sources.get(m[3]);
      if (!src) continue;
      const pos = src.mapPosition(Number(m[4]), Number(m[5]));
      out.push({ cellId: src.cellId, line: pos.line, column: pos.column, fn: cleanFn(m[1] ?? m[2] ?? "") });
      continue;
    }
    const e = EVAL_FRAME.exec(raw);
    if (e && fallback) {
      const pos = fallback.mapPosition(Number(e[2]), Number(e[3]));
      out.push({ cellId: fallback.cellId, line: pos.line, column: pos.column, fn: cleanFn(e[1]) });
    }
  }
  return out;
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
    const frames = typeof thrown.stack === "string" ? cellFrames(thrown.stack, sources, fallback) : [];
    const top = frames[0];
    return {
      name: String(thrown.name || "Error"),
      message: thrown.message,
      phase: "runtime",
      ...(top ? { cellId: top.cellId, line: top.line, column: top.column } : {}),
      ...(frames.length ? { frames } : {}),
    };
  }
  const rich = toRich(thrown);
  return { name: "Uncaught", message: `${richToText(rich)} (a non-Error value was thrown)`, phase: "runtime", thrown: rich };
}

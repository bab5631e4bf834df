/**
 * The `console` cells see: every call becomes a `LogLine` of rich values.
 *
 * Besides the five levels it covers the console methods people reach for in
 * a notebook (assert, count, time, table, dir, trace, group) so none of them
 * throws "not a function". printf-style `%s %d %i %f %o %O %c` in a first
 * string argument are applied the way browsers do.
 */
import type { LogLevel, LogLine } from "./protocol.ts";
import { formatNumber, richToText, toRich, type Rich, type RichOptions } from "./rich.ts";

/** Limits for logged values: smaller than for displays, since floods happen. */
const LOG_RICH: RichOptions = { maxItems: 50, maxKeys: 30, maxDepth: 3, maxString: 5000 };

/** Creates a console that hands each line to `emit`. `now` is for console.time. */
export function createCellConsole(emit: (line: LogLine) => void, now: () => number): Console {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  let depth = 0;
  const log = (level: LogLevel) => (...args: unknown[]): void => emit(toLine(level, args, depth));
  const c: Record<string, unknown> = {
    log: log("log"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    debug: log("debug"),
    dir: (v: unknown) => emit(toLine("log", [v], depth)),
    dirxml: log("log"),
    table: (v: unknown) => emit(toLine("log", [v], depth)),
    trace: (...args: unknown[]) => emit(toLine("debug", ["Trace:", ...args], depth)),
    assert: (cond: unknown, ...args: unknown[]) => {
      if (!cond) emit(toLine("error", ["Assertion failed:", ...(args.length ? args : ["console.assert"])], depth));
    },
    count: (label = "default") => {
      const n = (counts.get(String(label)) ?? 0) + 1;
      counts.set(String(label), n);
      emit(toLine("log", [`${label}: ${n}`], depth));
    },
    countReset: (label = "default") => counts.delete(String(label)),
    time: (label = "default") => timers.set(String(label), now()),
    timeLog: (label = "default", ...args: unknown[]) => emitTime(String(label), args, false),
    timeEnd: (label = "default") => emitTime(String(label), [], true),
    group: (...args: unknown[]) => {
      if (args.length) emit(toLine("log", args, depth));
      depth++;
    },
    groupCollapsed: (...args: unknown[]) => {
      if (args.length) emit(toLine("log", args, depth));
      depth++;
    },
    groupEnd: () => {
      depth = Math.max(0, depth - 1);
    },
    clear: () => {},
  };
  function emitTime(label: string, args: unknown[], end: boolean): void {
    const t = timers.get(label);
    if (t === undefined) {
      emit(toLine("warn", [`Timer "${label}" does not exist`], depth));
      return;
    }
    if (end) timers.delete(label);
    emit(toLine("log", [`${label}: ${formatNumber(Math.round((now() - t) * 1000) / 1000)} ms`, ...args], depth));
  }
  return c as unknown as Console;
}

function toLine(level: LogLevel, args: unknown[], depth: number): LogLine {
  const formatted = applyFormat(args);
  const out: Rich[] = formatted.map((a) => toRich(a, LOG_RICH));
  if (depth > 0 && out.length && out[0].kind === "string") out[0] = { kind: "string", value: "  ".repeat(depth) + out[0].value };
  return { level, args: out };
}

/** Applies `%s`-style substitutions of a leading format string (browser semantics, simplified). */
function applyFormat(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (typeof first !== "string" || !first.includes("%") || rest.length === 0) return args;
  let i = 0;
  const text = first.replace(/%([sdifoOc%])/g, (m, k: string) => {
    if (k === "%") return "%";
    if (i >= rest.length) return m;
    const v = rest[i++];
    switch (k) {
      case "s":
        return typeof v === "string" ? v : richToText(toRich(v, LOG_RICH));
      case "d":
      case "i":
        return typeof v === "number" ? String(Math.trunc(v)) : String(parseInt(String(v), 10));
      case "f":
        return String(Number(v));
      case "c":
        return ""; // CSS styling: ignored, outputs are text
      default:
        return richToText(toRich(v, LOG_RICH));
    }
  });
  return [text, ...rest.slice(i)];
}

/** One log line as plain text: strings bare, other values as `richToText` renders them. */
export function logLineToText(line: LogLine): string {
  return line.args.map((a) => richToText(a, { quoteStrings: false })).join(" ");
}

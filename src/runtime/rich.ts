/**
 * Rich values: what a cell shows, as plain data.
 *
 * The worker turns any JavaScript value into a `Rich` (a serialisable tree
 * tagged by `kind`) with `toRich`; the page renders it as text and tables,
 * never as HTML. Everything is bounded (items, depth, string length, matrix
 * rows/columns) so that displaying a 10⁶-element array or a cyclic graph costs
 * a few kilobytes. The nn library's own objects (Matrix, Sequential, Value,
 * gradient-check reports) are recognised by shape, not by class, so this file
 * does not depend on the library and works across realms.
 */
import { errorSummary } from "../nn/error-summary.ts";
import { isPlotSpec, isPlotMark, serializePlot, type PlotData } from "./plot-spec.ts";
import { cutNote } from "./text-cap.ts";

/** A displayable value. Pure data: safe to `postMessage`, `structuredClone` and (numbers aside) JSON. */
export type Rich =
  | { kind: "undefined" }
  | { kind: "null" }
  | { kind: "number"; value: number }
  | { kind: "bigint"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "symbol"; description: string }
  /** `truncated` counts characters cut from the end. */
  | { kind: "string"; value: string; truncated?: number }
  /** Pre-formatted text, shown verbatim (no quotes). */
  | { kind: "text"; text: string }
  | { kind: "function"; name: string; isClass: boolean }
  /** `length` > `items.length` when truncated. */
  | { kind: "array"; length: number; items: Rich[] }
  | { kind: "typed-array"; type: string; length: number; values: number[] }
  /**
   * A matrix (anything with numeric `rows`, `cols` and a `data` array of rows·cols numbers).
   * Big ones keep the first and last rows/columns: `rowIndex`/`colIndex` are the
   * indices shown, and a jump of more than 1 between neighbours is an ellipsis.
   */
  | { kind: "matrix"; rows: number; cols: number; rowIndex: number[]; colIndex: number[]; values: number[][] }
  /** `ctor` is the class name (null for plain objects); `more` counts keys not shown. */
  | { kind: "object"; ctor: string | null; entries: [string, Rich][]; more: number }
  | { kind: "map"; size: number; entries: [Rich, Rich][] }
  | { kind: "set"; size: number; items: Rich[] }
  | { kind: "error"; name: string; message: string; stack?: string }
  | { kind: "date"; iso: string }
  | { kind: "regexp"; source: string }
  | { kind: "promise" }
  /** A value already being printed further up (a cycle). */
  | { kind: "circular"; summary: string }
  /** A value below the depth limit, summarised. */
  | { kind: "elided"; summary: string }
  /** A Sequential-like model: its layers and parameter counts. */
  | { kind: "model"; name: string; layers: RichLayer[]; totalParams: number; summary?: string }
  /** A single layer. */
  | { kind: "layer"; layer: RichLayer; paramShapes: { name: string; shape: string }[] }
  /** A scalar autograd node (micrograd-style Value). */
  | { kind: "value"; data: number; grad: number; label: string; op: string }
  /** A gradient-check report. */
  | { kind: "gradcheck"; report: RichGradCheck }
  /** An Observable Plot description, already serialisable (channel functions materialised). */
  | { kind: "plot"; options: PlotData };

/** One row of a model summary. */
export interface RichLayer {
  index: number;
  /** The layer's name in the model (`dense1`), or its kind. */
  name: string;
  kind: string;
  description: string;
  /** Output width, when the model knows it. */
  outputFeatures: number | null;
  params: number;
}

/**
 * The gradient-check report fields the page shows (src/nn/gradcheck.ts:
 * `checkGradients` reports have `perParam`, `checkScalarFunction` reports have `points`).
 */
export interface RichGradCheck {
  ok: boolean;
  band: string;
  maxError: number;
  /** Largest relative error of the elements within rounding noise (null from older reports). */
  maxNoiseError: number | null;
  meanError: number | null;
  worst: { param: string; index: number[]; analytic: number; numeric: number; error: number } | null;
  perParam: { name: string; shape: string; maxError: number; maxNoiseError: number | null; meanError: number; band: string; count: number; total: number | null }[];
  /** Scalar checks: the points (at most 100). */
  points: { z: number; analytic: number; numeric: number; error: number; band: string; nearKink: boolean }[];
  kinks: number;
  checked: number | null;
  /** Step and seed, so the reader can repeat the check. */
  h: number | null;
  seed: number | null;
  problems: string[];
}

/** Limits for {@link toRich}. */
export interface RichOptions {
  /** Array/Set/Map items and typed-array values kept (default 100). */
  maxItems?: number;
  /** Object keys kept (default 50). */
  maxKeys?: number;
  /** Nesting depth before values are summarised (default 4). */
  maxDepth?: number;
  /** String characters kept (default 10,000). */
  maxString?: number;
  /** Matrix rows and columns kept (default 12 × 10: the first and last halves). */
  maxRows?: number;
  maxCols?: number;
}

const DEFAULTS: Required<RichOptions> = { maxItems: 100, maxKeys: 50, maxDepth: 4, maxString: 10_000, maxRows: 12, maxCols: 10 };

/**
 * Converts any value to a bounded, serialisable {@link Rich}. Never throws:
 * a getter or a plot channel that throws becomes an `error` entry.
 */
export function toRich(value: unknown, options: RichOptions = {}): Rich {
  const o = { ...DEFAULTS, ...options };
  return convert(value, o, 0, []);
}

function convert(v: unknown, o: Required<RichOptions>, depth: number, stack: object[]): Rich {
  switch (typeof v) {
    case "undefined":
      return { kind: "undefined" };
    case "number":
      return { kind: "number", value: v };
    case "bigint":
      return { kind: "bigint", value: v.toString() };
    case "boolean":
      return { kind: "boolean", value: v };
    case "symbol":
      return { kind: "symbol", description: v.description ?? "" };
    case "string":
      return v.length > o.maxString ? { kind: "string", value: v.slice(0, o.maxString), truncated: v.length - o.maxString } : { kind: "string", value: v };
    case "function":
      return { kind: "function", name: v.name || "(anonymous)", isClass: isClass(v) };
  }
  if (v === null) return { kind: "null" };
  const obj = v as object;
  try {
    return convertObject(obj, o, depth, stack);
  } catch (e) {
    return { kind: "error", name: "DisplayError", message: `cannot display ${summary(obj)}: ${errorMessage(e)}` };
  }
}

function convertObject(v: object, o: Required<RichOptions>, depth: number, stack: object[]): Rich {
  // Recognised shapes that carry no nested user values come first: they are safe at any depth.
  if (isPlotSpec(v) || isPlotMark(v)) return { kind: "plot", options: serializePlot(v) };
  if (isError(v)) return { kind: "error", name: String(v.name ?? "Error"), message: String(v.message ?? ""), stack: typeof v.stack === "string" ? v.stack : undefined };
  if (v instanceof Date || tag(v) === "Date") {
    const t = (v as Date).getTime();
    return { kind: "date", iso: Number.isNaN(t) ? "Invalid Date" : (v as Date).toISOString() };
  }
  if (tag(v) === "RegExp") return { kind: "regexp", source: String(v) };
  if (tag(v) === "Promise") return { kind: "promise" };
  if (ArrayBuffer.isView(v) && !(tag(v) === "DataView")) {
    const ta = v as unknown as ArrayLike<number | bigint>;
    const n = Math.min(ta.length, o.maxItems);
    const values: number[] = [];
    for (let i = 0; i < n; i++) values.push(Number(ta[i]));
    return { kind: "typed-array", type: tag(v), length: ta.length, values };
  }
  if (isMatrix(v)) return matrixRich(v, o);
  if (isAutogradValue(v)) return { kind: "value", data: v.data, grad: v.grad, label: String(v.label ?? ""), op: String(v.op ?? "") };
  if (isGradCheckReport(v)) return { kind: "gradcheck", report: gradCheckRich(v) };
  if (isModel(v)) return modelRich(v);
  if (isLayer(v)) return { kind: "layer", layer: layerRich(v, 0), paramShapes: v.parameters().map((p) => ({ name: String(p?.name ?? ""), shape: shapeOf(p?.value) })) };

  if (stack.includes(v)) return { kind: "circular", summary: summary(v) };
  if (depth >= o.maxDepth) return { kind: "elided", summary: summary(v) };
  stack.push(v);
  try {
    const next = (x: unknown): Rich => convert(x, o, depth + 1, stack);
    if (Array.isArray(v)) {
      const n = Math.min(v.length, o.maxItems);
      const items: Rich[] = [];
      for (let i = 0; i < n; i++) items.push(next(v[i]));
      return { kind: "array", length: v.length, items };
    }
    if (v instanceof Map || tag(v) === "Map") {
      const m = v as Map<unknown, unknown>;
      const entries: [Rich, Rich][] = [];
      for (const [k, x] of m) {
        if (entries.length >= o.maxItems) break;
        entries.push([next(k), next(x)]);
      }
      return { kind: "map", size: m.size, entries };
    }
    if (v instanceof Set || tag(v) === "Set") {
      const s = v as Set<unknown>;
      const items: Rich[] = [];
      for (const x of s) {
        if (items.length >= o.maxItems) break;
        items.push(next(x));
      }
      return { kind: "set", size: s.size, items };
    }
    const keys = Object.keys(v);
    const entries: [string, Rich][] = [];
    for (const k of keys.slice(0, o.maxKeys)) {
      let x: Rich;
      try {
        x = next((v as Record<string, unknown>)[k]);
      } catch (e) {
        x = { kind: "error", name: "GetterError", message: errorMessage(e) };
      }
      entries.push([k, x]);
    }
    return { kind: "object", ctor: ctorName(v), entries, more: Math.max(0, keys.length - o.maxKeys) };
  } finally {
    stack.pop();
  }
}

// ---------------------------------------------------------------------------
// Recognisers (by shape, so they work across realms and without importing nn)

interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

/** True for anything shaped like the nn Matrix: integer rows/cols and rows·cols numbers in `data`. */
export function isMatrix(v: unknown): v is MatrixLike {
  if (!v || typeof v !== "object") return false;
  const m = v as Partial<MatrixLike>;
  return Number.isInteger(m.rows) && Number.isInteger(m.cols) && !!m.data && ArrayBuffer.isView(m.data) && (m.data as ArrayLike<number>).length === (m.rows as number) * (m.cols as number);
}

interface ValueLike {
  data: number;
  grad: number;
  label?: unknown;
  op?: unknown;
  children: unknown;
  backward: unknown;
}

function isAutogradValue(v: object): v is ValueLike {
  const x = v as Partial<ValueLike>;
  return typeof x.data === "number" && typeof x.grad === "number" && Array.isArray(x.children) && typeof x.backward === "function";
}

interface ParamLike {
  name?: unknown;
  value?: unknown;
}

interface LayerLike {
  kind?: unknown;
  describe(): unknown;
  forward: unknown;
  parameters(): ParamLike[];
}

function isLayer(v: object): v is LayerLike {
  const x = v as Partial<LayerLike>;
  return typeof x.describe === "function" && typeof x.forward === "function" && typeof x.parameters === "function";
}

interface ModelLike {
  layers: unknown[];
  parameters(): ParamLike[];
  name?: unknown;
  summary?: () => unknown;
  summaryRows?: () => unknown;
}

function isModel(v: object): v is ModelLike {
  const x = v as Partial<ModelLike>;
  return Array.isArray(x.layers) && typeof x.parameters === "function";
}

function isGradCheckReport(v: object): v is Record<string, unknown> {
  const x = v as Record<string, unknown>;
  return typeof x.ok === "boolean" && typeof x.maxError === "number" && typeof x.band === "string" && (Array.isArray(x.perParam) || Array.isArray(x.points));
}

function isError(v: object): v is { name?: unknown; message?: unknown; stack?: unknown } {
  return v instanceof Error || tag(v) === "Error";
}

// ---------------------------------------------------------------------------
// Library objects

function matrixRich(m: MatrixLike, o: Required<RichOptions>): Rich {
  const rowIndex = keepIndices(m.rows, o.maxRows);
  const colIndex = keepIndices(m.cols, o.maxCols);
  const values = rowIndex.map((i) => colIndex.map((j) => Number(m.data[i * m.cols + j])));
  return { kind: "matrix", rows: m.rows, cols: m.cols, rowIndex, colIndex, values };
}

/** Indices 0..n-1, or the first and last halves of `max` of them. */
function keepIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil(max / 2);
  const tail = max - head;
  return [...Array.from({ length: head }, (_, i) => i), ...Array.from({ length: tail }, (_, i) => n - tail + i)];
}

function paramCount(p: ParamLike | undefined): number {
  const m = p?.value;
  return isMatrix(m) ? m.rows * m.cols : 0;
}

function shapeOf(m: unknown): string {
  return isMatrix(m) ? `${m.rows}x${m.cols}` : "?";
}

function layerRich(l: unknown, index: number): RichLayer {
  const layer = l as Partial<LayerLike> & { name?: unknown };
  let description = "";
  let params = 0;
  try {
    description = typeof layer.describe === "function" ? String(layer.describe()) : String(layer.kind ?? "layer");
  } catch (e) {
    description = `(describe failed: ${errorMessage(e)})`;
  }
  try {
    params = typeof layer.parameters === "function" ? layer.parameters().reduce((s, p) => s + paramCount(p), 0) : 0;
  } catch {
    params = 0;
  }
  const kind = String(layer.kind ?? ctorName(l as object) ?? "layer");
  return { index, name: typeof layer.name === "string" ? layer.name : kind, kind, description, outputFeatures: null, params };
}

function modelRich(m: ModelLike): Rich {
  const layers = m.layers.map((l, i) => layerRich(l, i));
  // Sequential.summaryRows() knows names, output widths and shared-parameter counts: prefer it.
  try {
    const rows = typeof m.summaryRows === "function" ? m.summaryRows() : null;
    if (Array.isArray(rows) && rows.length === layers.length) {
      rows.forEach((r: Record<string, unknown>, i) => {
        if (typeof r?.name === "string") layers[i].name = r.name;
        if (typeof r?.description === "string") layers[i].description = r.description;
        if (typeof r?.outputFeatures === "number") layers[i].outputFeatures = r.outputFeatures;
        if (typeof r?.parameters === "number") layers[i].params = r.parameters;
      });
    }
  } catch {
    // fall back to what the layers say about themselves
  }
  let totalParams = 0;
  try {
    totalParams = m.parameters().reduce((s, p) => s + paramCount(p), 0);
  } catch {
    totalParams = layers.reduce((s, l) => s + l.params, 0);
  }
  let summaryText: string | undefined;
  try {
    const s = typeof m.summary === "function" ? m.summary() : undefined;
    if (typeof s === "string") summaryText = s;
  } catch {
    summaryText = undefined;
  }
  const name = typeof m.name === "string" && m.name ? m.name : (ctorName(m) ?? "Model");
  return { kind: "model", name, layers, totalParams, summary: summaryText };
}

function num(x: unknown): number {
  return typeof x === "number" ? x : Number.NaN;
}

function numOrNull(x: unknown): number | null {
  return typeof x === "number" ? x : null;
}

function gradCheckRich(r: Record<string, unknown>): RichGradCheck {
  const w = r.worst as Record<string, unknown> | null | undefined;
  const per = Array.isArray(r.perParam) ? (r.perParam as Record<string, unknown>[]).slice(0, 100) : [];
  const points = Array.isArray(r.points) ? (r.points as Record<string, unknown>[]).slice(0, 100) : [];
  return {
    ok: r.ok as boolean,
    band: String(r.band),
    maxError: num(r.maxError),
    maxNoiseError: numOrNull(r.maxNoiseError),
    meanError: numOrNull(r.meanError),
    worst: w && typeof w === "object"
      ? {
          param: String(w.param ?? (typeof w.z === "number" ? `z = ${formatNumber(w.z)}` : "")),
          index: Array.isArray(w.index) ? w.index.map(Number) : [],
          analytic: num(w.analytic),
          numeric: num(w.numeric),
          error: num(w.error),
        }
      : null,
    perParam: per.map((p) => ({
      name: String(p?.name ?? ""),
      shape: String(p?.shape ?? ""),
      maxError: num(p?.maxError),
      maxNoiseError: numOrNull(p?.maxNoiseError),
      meanError: num(p?.meanError),
      band: String(p?.band ?? ""),
      count: num(p?.count),
      total: numOrNull(p?.total),
    })),
    points: points.map((p) => ({ z: num(p?.z), analytic: num(p?.analytic), numeric: num(p?.numeric), error: num(p?.error), band: String(p?.band ?? ""), nearKink: p?.nearKink === true })),
    kinks: typeof r.kinks === "number" ? r.kinks : 0,
    checked: numOrNull(r.checked),
    h: numOrNull(r.h),
    seed: numOrNull(r.seed),
    problems: Array.isArray(r.problems) ? r.problems.slice(0, 50).map(String) : [],
  };
}

// ---------------------------------------------------------------------------
// Helpers

function tag(v: object): string {
  return Object.prototype.toString.call(v).slice(8, -1);
}

function ctorName(v: object): string | null {
  const proto = Object.getPrototypeOf(v);
  if (proto === null || proto === Object.prototype) return null;
  const name = proto?.constructor?.name;
  return typeof name === "string" && name !== "Object" ? name : name === "Object" ? null : tag(v);
}

function isClass(f: Function): boolean {
  try {
    return /^class[\s{]/.test(Function.prototype.toString.call(f));
  } catch {
    return false;
  }
}

function summary(v: object): string {
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (v instanceof Map) return `Map(${v.size})`;
  if (v instanceof Set) return `Set(${v.size})`;
  return ctorName(v) ?? "Object";
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------
// Text rendering (used by the headless runner, tests and as the page's plain fallback)

/** Formats a number the way outputs show it: integers exactly, others to 6 significant digits. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return "-0";
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const a = Math.abs(n);
  if (a !== 0 && (a < 1e-4 || a >= 1e15)) return n.toExponential(4);
  return String(+n.toPrecision(6));
}

/**
 * Renders a rich value as plain text (multi-line for matrices, models and
 * reports). `quoteStrings: false` prints top-level strings bare, as console.log does.
 */
export function richToText(r: Rich, opts: { quoteStrings?: boolean } = {}): string {
  const quote = opts.quoteStrings ?? true;
  switch (r.kind) {
    case "undefined":
    case "null":
    case "promise":
      return r.kind === "promise" ? "Promise {…}" : r.kind;
    case "number":
      return formatNumber(r.value);
    case "bigint":
      return `${r.value}n`;
    case "boolean":
      return String(r.value);
    case "symbol":
      return `Symbol(${r.description})`;
    case "string": {
      const s = r.truncated ? `${r.value}${cutNote(r.truncated)}` : r.value;
      return quote ? JSON.stringify(s) : s;
    }
    case "text":
      return r.text;
    case "function":
      return r.isClass ? `[class ${r.name}]` : `[Function ${r.name}]`;
    case "array": {
      const more = r.length - r.items.length;
      return `[${[...r.items.map((x) => richToText(x)), ...(more > 0 ? [`… ${more} more items`] : [])].join(", ")}]`;
    }
    case "typed-array": {
      const more = r.length - r.values.length;
      return `${r.type}(${r.length}) [${[...r.values.map(formatNumber), ...(more > 0 ? [`… ${more} more`] : [])].join(", ")}]`;
    }
    case "matrix":
      return matrixText(r);
    case "object": {
      const body = r.entries.map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${richToText(x)}`);
      if (r.more > 0) body.push(`… ${r.more} more keys`);
      return `${r.ctor ? `${r.ctor} ` : ""}{${body.length ? ` ${body.join(", ")} ` : ""}}`;
    }
    case "map": {
      const body = r.entries.map(([k, x]) => `${richToText(k)} => ${richToText(x)}`);
      if (r.size > r.entries.length) body.push(`… ${r.size - r.entries.length} more`);
      return `Map(${r.size}) {${body.length ? ` ${body.join(", ")} ` : ""}}`;
    }
    case "set": {
      const body = r.items.map((x) => richToText(x));
      if (r.size > r.items.length) body.push(`… ${r.size - r.items.length} more`);
      return `Set(${r.size}) {${body.length ? ` ${body.join(", ")} ` : ""}}`;
    }
    case "error":
      return r.message ? `${r.name}: ${r.message}` : r.name;
    case "date":
      return r.iso;
    case "regexp":
      return r.source;
    case "circular":
      return `[Circular ${r.summary}]`;
    case "elided":
      return `[${r.summary}]`;
    case "model": {
      if (r.summary) return r.summary;
      const rows = r.layers.map((l) => `  ${l.index}  ${l.name}  ${l.description}  ${l.params} params`);
      return [`${r.name} (${r.layers.length} layers, ${r.totalParams} parameters)`, ...rows].join("\n");
    }
    case "layer":
      return `${r.layer.description}${r.layer.params ? ` (${r.layer.params} params)` : ""}`;
    case "value":
      return `Value(${r.label ? `${r.label}, ` : ""}data=${formatNumber(r.data)}, grad=${formatNumber(r.grad)})`;
    case "gradcheck": {
      const g = r.report;
      const lines = [`gradient check: ${g.ok ? "ok" : "FAILED"} (${g.band}), max relative error ${errorSummary(g.maxError, g.maxNoiseError)}`];
      for (const p of g.perParam) lines.push(`  ${p.name}${p.shape ? ` ${p.shape}` : ""}: max ${errorSummary(p.maxError, p.maxNoiseError)} (${p.band})`);
      if (g.worst && !g.ok) lines.push(`  worst: ${g.worst.param}${g.worst.index.length ? ` [${g.worst.index.join(", ")}]` : ""} analytic ${formatNumber(g.worst.analytic)} vs numeric ${formatNumber(g.worst.numeric)}`);
      for (const p of g.problems) lines.push(`  ! ${p}`);
      return lines.join("\n");
    }
    case "plot":
      return `[plot: ${r.options.marks.map((m) => m.mark).join(", ") || "no marks"}]`;
  }
}

function matrixText(r: Extract<Rich, { kind: "matrix" }>): string {
  const cells: string[][] = [];
  const colGapBefore = r.colIndex.map((j, k) => k > 0 && j - r.colIndex[k - 1] > 1);
  r.values.forEach((row, k) => {
    if (k > 0 && r.rowIndex[k] - r.rowIndex[k - 1] > 1) cells.push(r.colIndex.map(() => "⋮"));
    cells.push(row.map(formatNumber));
  });
  const width = r.colIndex.map((_, c) => Math.max(...cells.map((row) => row[c].length), 1));
  const lines = cells.map((row) => row.map((s, c) => `${colGapBefore[c] ? "…  " : ""}${s.padStart(width[c])}`).join("  "));
  return [`Matrix ${r.rows}x${r.cols}`, ...lines.map((l) => `  ${l}`)].join("\n");
}

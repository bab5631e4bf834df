/**
 * The cell-side `Plot`: Observable Plot's API names, building plain data.
 *
 * A cell writes `Plot.plot({ marks: [Plot.lineY(losses, { x: "step", y: "loss" })] })`
 * exactly as it would with Observable Plot, but nothing here draws: a mark is
 * `{ mark, data, options }` and a plot is `{ kind: "plot", options }`. When the
 * plot is displayed, `serializePlot` copies the data into plain arrays and
 * turns channel functions (`y: d => d.loss`) into arrays of values, which Plot
 * accepts as channels, so only data crosses the worker boundary. The page then
 * calls the real `Plot[mark](data, options)` and `Plot.plot(options)`.
 * Function-valued options that are not channels cannot be materialised and
 * fail early with the option's name.
 */

/** Mark constructors the cell-side Plot provides (all take `(data?, options?)` like Observable Plot). */
export const MARK_NAMES = [
  "line", "lineX", "lineY", "dot", "dotX", "dotY", "area", "areaX", "areaY", "barX", "barY",
  "ruleX", "ruleY", "cell", "cellX", "cellY", "rect", "rectX", "rectY", "tickX", "tickY",
  "link", "arrow", "text", "textX", "textY", "raster", "frame", "gridX", "gridY", "axisX", "axisY",
] as const;

/** A mark name, e.g. `"lineY"`. */
export type MarkName = (typeof MARK_NAMES)[number];

/** Mark options that are channels: a function here is evaluated per datum in the worker. */
export const CHANNELS: ReadonlySet<string> = new Set([
  "x", "y", "x1", "x2", "y1", "y2", "z", "fill", "stroke", "r", "opacity", "fillOpacity", "strokeOpacity",
  "strokeWidth", "symbol", "text", "title", "href", "fx", "fy", "rotate", "fontSize", "length", "filter",
]);

/** A serialised mark: what the page passes to `Plot[mark](data, options)`. */
export interface MarkData {
  mark: MarkName;
  /** Plain data (arrays of numbers, strings, plain objects), or null for data-less marks such as `frame`. */
  data: unknown[] | null;
  options: Record<string, unknown>;
}

/** Serialised plot options: Plot.plot's options with `marks` serialised. */
export interface PlotData {
  marks: MarkData[];
  /** Marks whose data was sampled down to {@link MAX_MARK_POINTS} (the page says so under the plot). */
  sampled?: { mark: string; shown: number; total: number }[];
  [option: string]: unknown;
}

/**
 * Points per mark that cross to the page; more are sampled evenly (first and
 * last kept). Observable Plot draws one SVG node per point, and every later
 * frame (a scroll, a click) repaints them: in headless Chromium on a busy
 * two-core machine a click took 0.2–0.7 s with 2,000 dots on the page and
 * 2–10 s with 5,000 (test/e2e/hostile.test.ts checks the 1 s bound).
 */
export const MAX_MARK_POINTS = 2_000;
/** Cells of a raster's `fill(x, y)` grid (500 × 500). */
export const MAX_RASTER_CELLS = 250_000;
/** Points of all marks of one plot together: later marks get what is left (at least 100). */
export const MAX_PLOT_POINTS = 4_000;
/** Marks per plot. */
export const MAX_MARKS = 100;

/**
 * How many rows (or channel values) a mark may carry. A raster is one image,
 * whatever its size, so its grid is bounded by {@link MAX_RASTER_CELLS} and not
 * sampled like dots (a sampled grid draws as stripes); every other mark by
 * {@link MAX_MARK_POINTS}.
 */
export function markPointLimit(mark: string): number {
  return mark === "raster" ? MAX_RASTER_CELLS : MAX_MARK_POINTS;
}

const MARK = Symbol.for("how-networks-learn.plot.mark");
const SPEC = Symbol.for("how-networks-learn.plot.spec");

/** A mark as built in a cell (not yet serialised). */
export interface PlotMark {
  readonly mark: MarkName;
  readonly data: unknown;
  readonly options: Record<string, unknown>;
  /** Observable's shorthand `Plot.lineY(data).plot({ ... })`. */
  plot(options?: Record<string, unknown>): PlotSpec;
}

/** A plot as built in a cell by `Plot.plot(options)`. */
export interface PlotSpec {
  readonly kind: "plot";
  readonly options: Record<string, unknown> & { marks: unknown[] };
}

/** True for a mark made by the cell-side Plot. */
export function isPlotMark(v: unknown): v is PlotMark {
  return !!v && typeof v === "object" && (v as Record<symbol, unknown>)[MARK] === true;
}

/** True for a plot made by `Plot.plot`. */
export function isPlotSpec(v: unknown): v is PlotSpec {
  return !!v && typeof v === "object" && (v as Record<symbol, unknown>)[SPEC] === true;
}

/** Marks whose first argument may be omitted (`Plot.frame({ stroke: "red" })`, `Plot.gridX()`). */
const DATA_OPTIONAL = new Set<string>(["frame", "gridX", "gridY", "axisX", "axisY", "raster"]);

function makeMark(mark: MarkName, a?: unknown, b?: unknown): PlotMark {
  let data: unknown = a;
  let options: unknown = b;
  if (DATA_OPTIONAL.has(mark) && b === undefined && isPlainObject(a)) {
    data = null;
    options = a;
  }
  if (mark === "frame" && b === undefined && a === undefined) data = null;
  if (options != null && !isPlainObject(options)) throw new Error(`plot: ${mark} options must be an object, got ${describe(options)}`);
  const opts = { ...(options as Record<string, unknown> | undefined) };
  checkMarkOptions(mark, opts, data);
  const m = {
    mark,
    data: data ?? null,
    options: opts,
    plot(plotOptions: Record<string, unknown> = {}): PlotSpec {
      return plot({ ...plotOptions, marks: [...toArray(plotOptions.marks), m] });
    },
  };
  Object.defineProperty(m, MARK, { value: true });
  return m;
}

function toArray(v: unknown): unknown[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

/** Rejects function-valued options that cannot be materialised, naming the option. */
function checkMarkOptions(mark: MarkName, opts: Record<string, unknown>, data: unknown): void {
  for (const [k, v] of Object.entries(opts)) {
    if (typeof v !== "function") continue;
    if (mark === "raster" && k === "fill" && data == null) continue; // sampled over the grid, see rasterSamples
    if (!CHANNELS.has(k)) {
      throw new Error(`plot: ${mark} option "${k}" is a function; in a cell only channels (x, y, fill, stroke, …) can be functions`);
    }
    if (data == null) throw new Error(`plot: ${mark} channel "${k}" is a function but the mark has no data`);
  }
}

/** Rejects plot-level function options (`x: { tickFormat: d => … }`), naming the path. */
function checkPlotOptions(v: unknown, path: string, depth = 0): void {
  if (typeof v === "function") {
    throw new Error(`plot: option "${path}" is a function; cells cannot pass functions to Plot.plot (for formats use a string such as ".2f")`);
  }
  if (depth > 4 || !v || typeof v !== "object" || ArrayBuffer.isView(v)) return;
  if (Array.isArray(v)) v.forEach((x, i) => checkPlotOptions(x, `${path}[${i}]`, depth + 1));
  else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) checkPlotOptions(x, `${path}.${k}`, depth + 1);
}

/** `Plot.plot(options)`: validates the options and marks now, so mistakes point at the cell's line. */
export function plot(options: Record<string, unknown> = {}): PlotSpec {
  if (!isPlainObject(options)) throw new Error(`plot: options must be an object, got ${describe(options)}`);
  const marks = flattenMarks(options.marks, "marks");
  for (const [k, v] of Object.entries(options)) if (k !== "marks") checkPlotOptions(v, k);
  const spec = { kind: "plot" as const, options: { ...options, marks } };
  Object.defineProperty(spec, SPEC, { value: true });
  return spec;
}

function flattenMarks(v: unknown, path: string): PlotMark[] {
  if (v == null) return [];
  if (isPlotMark(v)) return [v];
  if (Array.isArray(v)) return v.flatMap((x, i) => flattenMarks(x, `${path}[${i}]`));
  throw new Error(`plot: ${path} is not a mark (${describe(v)}); use Plot.lineY(...), Plot.dot(...), …`);
}

type MarkFn = (data?: unknown, options?: Record<string, unknown>) => PlotMark;

/** The cell-side `Plot` namespace: `plot` and one function per mark name. */
export type CellPlot = { plot: typeof plot } & { [K in MarkName]: MarkFn };

/** Builds the `Plot` object cells see. */
export function createPlot(): CellPlot {
  const p: Record<string, unknown> = { plot };
  for (const name of MARK_NAMES) p[name] = (data?: unknown, options?: Record<string, unknown>) => makeMark(name, data, options);
  return Object.freeze(p) as CellPlot;
}

// ---------------------------------------------------------------------------
// Serialisation (runs when the plot is displayed)

/**
 * Turns a cell plot (or a bare mark, shown as a plot of that mark) into plain,
 * structured-clonable data: data copied into plain arrays, channel functions
 * evaluated per datum, raster `fill(x, y)` functions sampled on the grid.
 * @throws when a channel function throws (with the mark and channel named).
 */
export function serializePlot(v: PlotSpec | PlotMark): PlotData {
  const spec = isPlotMark(v) ? v.plot() : v;
  const { marks, sampled: _reserved, ...rest } = spec.options;
  const out: PlotData = { ...(plainData(rest, 0) as Record<string, unknown>), marks: [] };
  const all = marks as PlotMark[];
  if (all.length > MAX_MARKS) throw new Error(`plot: ${all.length} marks is too many (at most ${MAX_MARKS})`);
  const sampled: NonNullable<PlotData["sampled"]> = [];
  let left = MAX_PLOT_POINTS;
  for (const m of all) {
    const raster = m.mark === "raster";
    const mark = serializeMark(m, sampled, raster ? MAX_RASTER_CELLS : Math.max(100, Math.min(MAX_MARK_POINTS, left)));
    if (!raster) left -= mark.data?.length ?? 0;
    out.marks.push(mark);
  }
  if (sampled.length) out.sampled = sampled;
  return out;
}

/** Indices of at most `max` of `n` rows, evenly spread, first and last included. */
export function sampleIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => Math.round(k * step));
}

function serializeMark(m: PlotMark, sampled: NonNullable<PlotData["sampled"]>, maxPoints: number): MarkData {
  const options: Record<string, unknown> = {};
  if (m.mark === "raster" && m.data == null && typeof m.options.fill === "function") return rasterSamples(m);
  let rows = m.data == null ? null : dataRows(m.data, m.mark);
  if (rows && rows.length > maxPoints) {
    // Channel functions see the sampled rows with their original index, so `(d, i) => i` still means the row number.
    const keep = sampleIndices(rows.length, maxPoints);
    sampled.push({ mark: m.mark, shown: keep.length, total: rows.length });
    const src = rows;
    const picked = keep.map((i) => src[i]);
    for (const [k, v] of Object.entries(m.options)) {
      if (typeof v === "function") {
        const f = v as (d: unknown, i: number, data: unknown[]) => unknown;
        options[k] = keep.map((i) => {
          try {
            return plainValue(f(src[i], i, src));
          } catch (e) {
            throw new Error(`plot: ${m.mark} channel "${k}" threw at datum ${i}: ${e instanceof Error ? e.message : String(e)}`);
          }
        });
      } else if (Array.isArray(v) && v.length === src.length) {
        options[k] = keep.map((i) => plainValue(v[i])); // a channel given as an array: sampled with the rows
      } else {
        options[k] = plainData(v, 0);
      }
    }
    return { mark: m.mark, data: plainData(picked, 0) as unknown[], options };
  }
  for (const [k, v] of Object.entries(m.options)) {
    if (typeof v === "function") {
      const f = v as (d: unknown, i: number, data: unknown[]) => unknown;
      const src = rows as unknown[];
      const values = new Array(src.length);
      for (let i = 0; i < src.length; i++) {
        try {
          values[i] = plainValue(f(src[i], i, src));
        } catch (e) {
          throw new Error(`plot: ${m.mark} channel "${k}" threw at datum ${i}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      options[k] = values;
    } else {
      options[k] = plainData(v, 0, markPointLimit(m.mark));
    }
  }
  return { mark: m.mark, data: rows === null ? null : (plainData(rows, 0, markPointLimit(m.mark)) as unknown[]), options };
}

/** Data as an array of rows: arrays stay, typed arrays become number arrays, matrices become arrays of rows. */
function dataRows(data: unknown, mark: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (ArrayBuffer.isView(data)) return Array.from(data as unknown as ArrayLike<number>, Number);
  const m = data as { rows?: unknown; cols?: unknown; data?: unknown };
  if (m && typeof m === "object" && Number.isInteger(m.rows) && Number.isInteger(m.cols) && ArrayBuffer.isView(m.data)) {
    const rows = m.rows as number, cols = m.cols as number, d = m.data as unknown as ArrayLike<number>;
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => d[i * cols + j]));
  }
  if (data && typeof data === "object" && Symbol.iterator in data) return Array.from(data as Iterable<unknown>);
  throw new Error(`plot: ${mark} data must be an array, a typed array or a Matrix, got ${describe(data)}`);
}

function rasterSamples(m: PlotMark): MarkData {
  const { fill, ...opts } = m.options;
  const f = fill as (x: number, y: number) => unknown;
  const width = Number.isInteger(opts.width) ? (opts.width as number) : 100;
  const height = Number.isInteger(opts.height) ? (opts.height as number) : 100;
  if (width < 1 || height < 1 || width * height > MAX_RASTER_CELLS) {
    throw new Error(`plot: raster grid ${width}×${height} is too big (at most ${MAX_RASTER_CELLS.toLocaleString("en")} cells)`);
  }
  const [x1, x2, y1, y2] = [opts.x1, opts.x2, opts.y1, opts.y2];
  if (![x1, x2, y1, y2].every((v) => typeof v === "number")) {
    throw new Error(`plot: raster with a fill(x, y) function needs numeric x1, x2, y1 and y2 options`);
  }
  const kx = ((x2 as number) - (x1 as number)) / width, ky = ((y2 as number) - (y1 as number)) / height;
  const values = new Array(width * height);
  for (let r = 0, i = 0; r < height; r++) {
    for (let c = 0; c < width; c++, i++) {
      const x = (x1 as number) + (c + 0.5) * kx, y = (y1 as number) + (r + 0.5) * ky;
      try {
        values[i] = plainValue(f(x, y));
      } catch (e) {
        throw new Error(`plot: raster fill threw at (${x}, ${y}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return { mark: "raster", data: values, options: { ...(plainData(opts, 0) as Record<string, unknown>), width, height, fill: values } };
}

/** A single channel value as plain data. */
function plainValue(v: unknown): unknown {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v === undefined) return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v;
  return plainData(v, 2);
}

/** A structured-clonable copy: functions and symbols dropped, typed arrays to arrays, depth-limited. */
function plainData(v: unknown, depth: number, limit = MAX_MARK_POINTS): unknown {
  if (v === null || typeof v !== "object") {
    if (typeof v === "function" || typeof v === "symbol") return undefined;
    if (typeof v === "bigint") return Number(v);
    return v;
  }
  if (depth > 6) return undefined;
  if (v instanceof Date) return v;
  // Arrays in options (ticks, domains, channels given as arrays) are capped like mark data.
  if (ArrayBuffer.isView(v)) return Array.from({ length: Math.min((v as unknown as ArrayLike<number>).length, limit) }, (_, i) => Number((v as unknown as ArrayLike<number>)[i]));
  if (Array.isArray(v)) return v.slice(0, limit).map((x) => plainData(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = plainData((v as Record<string, unknown>)[k], depth + 1);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === null || p === Object.prototype || Object.getPrototypeOf(p) === null;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "object") return (Object.getPrototypeOf(v)?.constructor?.name as string | undefined) ?? "an object";
  return `${typeof v} ${String(v)}`;
}

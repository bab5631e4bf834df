/**
 * What the page accepts from the kernel: one table entry per message type.
 *
 * The host trusts nothing it cannot check (src/ARCHITECTURE.md). Every message from the
 * kernel is matched against its entry here before the page sees it: the shape
 * of every field (rich values and errors included), and whether the message
 * may still arrive after its run has finished (late output from timers may;
 * a result or a `done` may not). A message that fails is dropped, never
 * thrown. Sizes are clamped separately (`text-cap.ts`, and the host's log
 * and plot limits).
 *
 * Adding a message type: add it to `WorkerToHost` in `protocol.ts` and one
 * entry to `MESSAGES` below; TypeScript fails until both exist.
 */
import { MARK_NAMES } from "./plot-spec.ts";
import { checkControl } from "./controls.ts";
import { ASSET_NAMES, type KernelFault, type WorkerToHost } from "./protocol.ts";
import { MAX_COMPARISON_POINTS } from "./grader/report.ts";

/** A shape check: true when `v` has the shape. */
export type Check = (v: unknown) => boolean;

// ---- combinators --------------------------------------------------------------

export const str: Check = (v) => typeof v === "string";
export const num: Check = (v) => typeof v === "number";
export const bool: Check = (v) => typeof v === "boolean";
export const int: Check = (v) => Number.isSafeInteger(v);
export const any: Check = () => true;
export const opt = (c: Check): Check => (v) => v === undefined || c(v);
export const nullable = (c: Check): Check => (v) => v === null || c(v);
export const oneOf = (values: readonly unknown[]): Check => (v) => values.includes(v);
export const arr = (c: Check, max = Infinity): Check => (v) => Array.isArray(v) && v.length <= max && v.every(c);
export const tuple = (...cs: Check[]): Check => (v) => Array.isArray(v) && v.length === cs.length && cs.every((c, i) => c(v[i]));
/** A plain object whose listed fields pass (other fields are allowed and ignored by the page). */
export const obj = (fields: Record<string, Check>): Check => (v) =>
  !!v && typeof v === "object" && !Array.isArray(v) && Object.entries(fields).every(([k, c]) => c((v as Record<string, unknown>)[k]));
const lazy = (f: () => Check): Check => (v) => f()(v);

// ---- rich values (src/runtime/rich.ts) ------------------------------------------

/** Items per rich container the page renders (the kernel sends at most 100). */
const RICH_ITEMS = 1000;
const rich: Check = lazy(() => richCheck);
const layer = obj({ index: num, name: str, kind: str, description: str, outputFeatures: nullable(num), params: num });
const gradcheck = obj({
  ok: bool, band: str, maxError: num, meanError: nullable(num),
  worst: nullable(obj({ param: str, index: arr(num), analytic: num, numeric: num, error: num })),
  perParam: arr(obj({ name: str, shape: str, maxError: num, meanError: num, band: str, count: num, total: nullable(num) }), RICH_ITEMS),
  points: arr(obj({ z: num, analytic: num, numeric: num, error: num, band: str, nearKink: bool }), RICH_ITEMS),
  kinks: num, checked: nullable(num), h: nullable(num), seed: nullable(num), problems: arr(str, RICH_ITEMS),
});
const markData = obj({ mark: oneOf(MARK_NAMES), data: nullable(arr(any)), options: obj({}) });
export const plotData = obj({ marks: arr(markData, 100), sampled: opt(arr(obj({ mark: str, shown: num, total: num }))) });
const matrix: Check = (v) => {
  const m = v as { rowIndex: number[]; colIndex: number[]; values: number[][] };
  return obj({ rows: int, cols: int, rowIndex: arr(num, RICH_ITEMS), colIndex: arr(num, RICH_ITEMS), values: arr(arr(num, RICH_ITEMS), RICH_ITEMS) })(v) &&
    m.values.length === m.rowIndex.length && m.values.every((row) => row.length === m.colIndex.length);
};

/** Fields of each rich kind. */
const RICH: Record<string, Check> = {
  undefined: any,
  null: any,
  promise: any,
  number: obj({ value: num }),
  bigint: obj({ value: str }),
  boolean: obj({ value: bool }),
  symbol: obj({ description: str }),
  string: obj({ value: str, truncated: opt(num) }),
  text: obj({ text: str }),
  function: obj({ name: str, isClass: bool }),
  array: obj({ length: num, items: arr(rich, RICH_ITEMS) }),
  "typed-array": obj({ type: str, length: num, values: arr(num, RICH_ITEMS) }),
  matrix,
  object: obj({ ctor: nullable(str), entries: arr(tuple(str, rich), RICH_ITEMS), more: num }),
  map: obj({ size: num, entries: arr(tuple(rich, rich), RICH_ITEMS) }),
  set: obj({ size: num, items: arr(rich, RICH_ITEMS) }),
  error: obj({ name: str, message: str, stack: opt(str) }),
  date: obj({ iso: str }),
  regexp: obj({ source: str }),
  circular: obj({ summary: str }),
  elided: obj({ summary: str }),
  model: obj({ name: str, layers: arr(layer, RICH_ITEMS), totalParams: num, summary: opt(str) }),
  layer: obj({ layer, paramShapes: arr(obj({ name: str, shape: str }), RICH_ITEMS) }),
  value: obj({ data: num, grad: num, label: str, op: str }),
  gradcheck: obj({ report: gradcheck }),
  plot: obj({ options: plotData }),
};
const richCheck: Check = (v) => obj({ kind: str })(v) && Object.hasOwn(RICH, (v as { kind: string }).kind) && RICH[(v as { kind: string }).kind](v);
export { rich as isRich };

// ---- errors and messages ----------------------------------------------------------

/** Each kernel fault's fields, by code (TypeScript fails until every code has its entry). */
const FAULTS: Record<KernelFault["code"], Check> = {
  "send-failed": obj({ messageType: str, detail: str }),
  "asset-outside-run": obj({ asset: str }),
  "asset-failed": obj({ asset: str, detail: opt(str) }),
};
const fault: Check = (v) => obj({ code: str })(v) && Object.hasOwn(FAULTS, (v as { code: string }).code) && FAULTS[(v as KernelFault).code](v);
const cellError = obj({
  name: str, message: str, cellId: opt(str), line: opt(num), column: opt(num), phase: oneOf(["syntax", "runtime"]),
  frames: opt(arr(obj({ cellId: str, line: num, column: num, fn: str }), 100)), thrown: opt(rich), fault: opt(fault),
});
const runId = int;
/** Log lines per message: never more than the largest log cap a run can ask for. */
export const MAX_LOG_BATCH = 10_000;

// ---- controls: the same check the page applies before it draws one (controls.ts) ----------

const control: Check = (v) => checkControl(v) !== null;

// ---- a grader's report (src/runtime/grader/report.ts) ---------------------------------

const gradeReport = obj({
  exerciseId: str, passed: bool, seed: num, headline: str,
  parts: arr(obj({
    name: str, passed: bool, message: str, maxError: opt(num), band: opt(oneOf(["good", "acceptable", "suspicious", "wrong"])), cause: opt(str),
    where: opt(obj({ param: opt(str), index: opt(arr(num, 8)), input: opt(str) })),
  }), 100),
  comparison: opt(obj({
    label: str, reference: opt(oneOf(["numerical gradient", "reference"])),
    analytic: arr(num, MAX_COMPARISON_POINTS), numeric: arr(num, MAX_COMPARISON_POINTS),
  })),
  problem: opt(nullable(str)), pattern: opt(nullable(str)), elapsedMs: opt(num),
});

/** One entry per message type: its fields, and whether it may arrive after its run has finished. */
export const MESSAGES: { [K in WorkerToHost["type"]]: { check: Check; late: boolean } } = {
  ready: { check: obj({ runId: oneOf([0]), nnExports: arr(str, 10_000) }), late: false },
  ack: { check: obj({ runId }), late: false },
  log: {
    check: obj({ runId, lines: arr(obj({ level: oneOf(["log", "info", "warn", "error", "debug"]), args: arr(rich, 1000) }), MAX_LOG_BATCH), total: int, keepHead: int, keepTail: int }),
    late: true,
  },
  display: { check: obj({ runId, displayId: str, value: rich }), late: true },
  update: { check: obj({ runId, displayId: str, value: rich }), late: true },
  progress: {
    check: obj({ runId, progressId: str, done: num, total: num, label: str, percent: num, elapsedMs: num, etaMs: nullable(num) }),
    late: true,
  },
  result: { check: obj({ runId, value: rich }), late: false },
  error: { check: obj({ runId, error: cellError }), late: false },
  uncaught: { check: obj({ runId: nullable(runId), cellId: nullable(str), source: oneOf(["rejection", "timer", "worker"]), error: cellError }), late: true },
  done: { check: obj({ runId, status: oneOf(["ok", "error", "stopped"]), ms: num }), late: false },
  control: { check: obj({ runId, control }), late: false },
  "asset-request": { check: obj({ runId, requestId: int, name: oneOf(ASSET_NAMES) }), late: false },
  "grade-report": { check: obj({ runId, report: gradeReport }), late: false },
};

/** The message if it has the shape of a known message type, else null. */
export function checkMessage(m: unknown): WorkerToHost | null {
  if (!m || typeof m !== "object" || Array.isArray(m)) return null;
  const type = (m as { type?: unknown }).type;
  if (typeof type !== "string" || !Object.hasOwn(MESSAGES, type)) return null;
  return MESSAGES[type as WorkerToHost["type"]].check(m) ? (m as WorkerToHost) : null;
}

/** Whether messages of this type are still accepted once their run has finished (late timer output). */
export function acceptsLate(type: WorkerToHost["type"]): boolean {
  return MESSAGES[type].late;
}

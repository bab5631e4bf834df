/**
 * The messages between the page (host) and the cell worker (kernel).
 *
 * Every message is a plain, structured-clonable object tagged with `type` and
 * with the `runId` of the run it belongs to, so the host can drop replies from
 * a run it has already given up on (a stopped run, or an earlier run of a cell
 * that has been run again). Errors travel as data (`CellError`), never as
 * thrown exceptions across the worker boundary.
 *
 * The kernel talks on a private MessagePort handed to it before any cell runs
 * (see `channel.ts`); the host checks every message against
 * `message-check.ts` (one table entry per message type), so a new message
 * type needs a type here and an entry there.
 */
import type { Lang } from "../i18n/lang.ts";
import type { ControlSpec, ControlValues } from "./controls.ts";
import type { GradeReport } from "./grader/report.ts";
import type { Rich } from "./rich.ts";

/** Host-assigned id of one run of one cell; increases for the life of a host, across worker restarts. */
export type RunId = number;

// ---------------------------------------------------------------------------
// Host → worker

/** Run a cell's code in the page's shared scope. */
export interface RunMessage {
  type: "run";
  runId: RunId;
  /** The cell's id, used for error locations (`cell-<id>.ts`) and to attribute late output. */
  cellId: string;
  /** TypeScript source of the cell, exactly as the reader sees it. */
  code: string;
  /** When true the value of the last expression is not displayed. */
  silent?: boolean;
  /** Log cap for this run (default {@link DEFAULT_MAX_LOG_LINES}). */
  maxLogLines?: number;
  /** The reader's control values by label (see {@link ControlMessage}); absent means every control's default. */
  controls?: ControlValues;
}

/** What to grade: the exercise, the seed of its random points, and the language of the report. */
export interface GradeRequest {
  /** `"<chapter-folder>/<exercise-id>"` (or the bare id when it is unique). */
  exerciseId: string;
  seed: number;
  lang: Lang;
}

/**
 * Grade the reader's definitions in the page scope against an exercise. It
 * runs like a cell (queued, acknowledged, Stop and the time limit apply, it
 * ends with `done`); the report comes back as a {@link GradeReportMessage}.
 */
export interface GradeMessage extends GradeRequest {
  type: "grade";
  runId: RunId;
  cellId: string;
}

/** Polite stop: the run's next cooperation point (`await cooperate()`, progress, display update) throws `Interrupted`. */
export interface InterruptMessage {
  type: "interrupt";
  runId: RunId;
}

/** Forget every name the cells defined and cancel their timers (a soft restart without a new worker). */
export interface ResetMessage {
  type: "reset";
  runId: RunId;
}

/** Stop: cancel every timer and pending output update any run left behind (intervals of finished cells too). */
export interface ClearTimersMessage {
  type: "clear-timers";
  runId: RunId;
}

/** Everything the host may send. */
/**
 * The answer to an `asset-request`: the file's bytes, or why the page could not
 * fetch it. The kernel's origin is opaque (see kernel-frame.ts), so a same-origin
 * file such as the digits data reaches it only through the page.
 */
export interface AssetMessage {
  type: "asset";
  requestId: number;
  bytes: ArrayBuffer | null;
  /** Set when `bytes` is null. */
  error?: string;
}

export type HostToWorker = RunMessage | GradeMessage | InterruptMessage | ResetMessage | ClearTimersMessage | AssetMessage;

// ---------------------------------------------------------------------------
// Worker → host

/** Console method a log line came from. */
export type LogLevel = "log" | "info" | "warn" | "error" | "debug";

/** One console call: its level and its arguments as rich values (strings stay strings). */
export interface LogLine {
  level: LogLevel;
  args: Rich[];
}

/** The worker has loaded and accepts runs (`runId` is 0). */
export interface ReadyMessage {
  type: "ready";
  runId: RunId;
  /** Runtime exports of the `nn` module, for editor completions. */
  nnExports: string[];
}

/**
 * The kernel received a run and is about to start it: sent before any of the
 * cell's code runs, so a kernel that stays silent (closed, wedged or dead) is
 * noticed at once instead of at the time limit.
 */
export interface AckMessage {
  type: "ack";
  runId: RunId;
}

/**
 * A batch of log lines (the worker flushes about every 16 ms, not per call).
 *
 * Floods are capped per run: when `total` exceeds `keepHead + keepTail`, only
 * the first `keepHead` and the last `keepTail` lines are kept and the rest are
 * counted as dropped. The worker never sends a line that is already known to be
 * dropped; the page applies the same trimming to what it has received, which
 * {@link ../log-view.ts | LogView} does for you.
 */
export interface LogMessage {
  type: "log";
  runId: RunId;
  lines: LogLine[];
  /** Lines logged by this run so far, including dropped ones. */
  total: number;
  keepHead: number;
  keepTail: number;
}

/** A new output from `display(value)`. */
export interface DisplayMessage {
  type: "display";
  runId: RunId;
  /** Unique within the run; later `update` messages name it. */
  displayId: string;
  value: Rich;
}

/** Redraw an earlier display in place (throttled to about 60 per second per display; the last one always arrives). */
export interface UpdateMessage {
  type: "update";
  runId: RunId;
  displayId: string;
  value: Rich;
}

/** Progress of a long loop; percentage and ETA are computed in the worker. */
export interface ProgressMessage {
  type: "progress";
  runId: RunId;
  /** Which bar (several bars may share a run); "progress" by default. */
  progressId: string;
  done: number;
  total: number;
  label: string;
  /** 0–100, clamped. */
  percent: number;
  elapsedMs: number;
  /** Estimated time to completion, or null before there is anything to extrapolate from. */
  etaMs: number | null;
}

/** The value of the cell's last expression (not sent when undefined, an assignment, or `silent`). */
export interface ResultMessage {
  type: "result";
  runId: RunId;
  value: Rich;
}

/** Where in which cell something went wrong. */
export interface CellError {
  /** `SyntaxError`, `TypeError`, `Interrupted`, ... or `"Uncaught"` for a thrown non-Error. */
  name: string;
  message: string;
  /** The cell whose code the location refers to (may differ from the running cell: a function defined elsewhere threw). */
  cellId?: string;
  /** 1-based line in the reader's TypeScript. */
  line?: number;
  /** 1-based column in the reader's TypeScript (best effort). */
  column?: number;
  /** "syntax" for errors found before running, "runtime" otherwise. */
  phase: "syntax" | "runtime";
  /** Stack frames inside cells, innermost first, already mapped to cell lines. */
  frames?: { cellId: string; line: number; column: number; fn: string }[];
  /** For `throw 42` and friends: the thrown value. */
  thrown?: Rich;
  /** An error the kernel itself raised, as data: the page words it in its language instead of `message`. */
  fault?: KernelFault;
}

/**
 * Why the kernel itself failed a run's request, as data (as a crash's cause is, `crash.ts`): `message` keeps the
 * English sentence for Node and logs, and the page words the fault (`kernel-faults.ts`). `detail` is the platform's or
 * the page's own words, shown as they are.
 */
export type KernelFault =
  /** A message the structured clone refused. */
  | { code: "send-failed"; messageType: string; detail: string }
  /** A file asked for after its run ended (an un-awaited call). */
  | { code: "asset-outside-run"; asset: string }
  /** The page answered an asset request without the file. */
  | { code: "asset-failed"; asset: string; detail?: string };

/** The run failed (a syntax error or an exception that escaped the cell). */
export interface ErrorMessage {
  type: "error";
  runId: RunId;
  error: CellError;
}

/**
 * An error that escaped asynchronously: an unhandled promise rejection, or a
 * throw inside a timer callback. `runId` is the run that scheduled it, or null
 * when unknown (the page should show it in a page-level area).
 */
export interface UncaughtMessage {
  type: "uncaught";
  runId: RunId | null;
  cellId: string | null;
  source: "rejection" | "timer" | "worker";
  error: CellError;
}

/** Final status of a run that the worker saw through to its end. */
export type DoneStatus = "ok" | "error" | "stopped";

/** The run ended; always the last message of a run (late timer output may still follow). */
export interface DoneMessage {
  type: "done";
  runId: RunId;
  status: DoneStatus;
  /** Wall time of the run in milliseconds. */
  ms: number;
}

/**
 * Files a run may ask the page for, by name; the page maps each name to its own URL. `syntax-locator` is the
 * kernel's own: the script that says where an early syntax error is (syntax-locator-entry.ts).
 */
export const ASSET_NAMES = ["digits", "syntax-locator"] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

/** Where the `syntax-locator` script leaves its function on the worker's global object (taken and deleted at once). */
export const SYNTAX_LOCATOR_KEY = Symbol.for("how-networks-learn.locateSyntaxError");

/** A running cell asks the page for a site file (only names in {@link ASSET_NAMES}). */
export interface AssetRequestMessage {
  type: "asset-request";
  runId: RunId;
  requestId: number;
  name: AssetName;
}

// ---- controls (slider, select, …) -------------------------------------------

/** The running cell declared a control; `control.value` is what the declaration returned. */
export interface ControlMessage {
  type: "control";
  runId: RunId;
  control: ControlSpec;
}

/** The grader's report on a `grade` run (sent before its `done`; a run that fails sends an `error` instead). */
export interface GradeReportMessage {
  type: "grade-report";
  runId: RunId;
  report: GradeReport;
}

/** Everything the worker may send. */
export type WorkerToHost =
  | ControlMessage
  | ReadyMessage
  | AckMessage
  | LogMessage
  | DisplayMessage
  | UpdateMessage
  | ProgressMessage
  | ResultMessage
  | ErrorMessage
  | UncaughtMessage
  | DoneMessage
  | AssetRequestMessage
  | GradeReportMessage;

/** Default per-run log cap. */
export const DEFAULT_MAX_LOG_LINES = 1000;

/** The module specifier cells may import from. */
export const NN_MODULE = "nn";

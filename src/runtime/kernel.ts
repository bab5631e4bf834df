/**
 * The worker core, independent of the environment: given a global object and
 * a `post` function it runs cells with Jupyter semantics and streams typed
 * messages back. The browser entry (`worker.ts`) and the Node entry
 * (`node-worker.ts`) only wire it to their message ports.
 *
 * Cells are transpiled (`transpile.ts`), evaluated with indirect eval on the
 * global object (which is the page scope, `kernel-scope.ts`) and awaited.
 * Output is captured through a replaced `console`, `display`, `progress`
 * (`kernel-output.ts`) and wrapped timers (`kernel-timers.ts`), each
 * attributed to the run that produced it: the active run, or — inside a timer
 * callback — the run that scheduled the timer (`kernel-context.ts` holds that
 * shared state). Stop is cooperative: the interrupt message sets a flag and
 * the nn library's `cooperate()` hook (and `progress` / display updates) throw
 * `Interrupted` at the next yield.
 */
import type { CellSource } from "./cell-errors.ts";
import { toCellError } from "./cell-errors.ts";
import { Interrupted } from "./interrupted.ts";
import { faultError } from "./kernel-faults.ts";
import { createContext, type KernelContext, type RunState } from "./kernel-context.ts";
import { displayRich, dropThrottled, flushLogs, flushThrottled, reportFor } from "./kernel-output.ts";
import { installCellScope } from "./kernel-scope.ts";
import { clearRunTimers } from "./kernel-timers.ts";
import { LogBuffer } from "./log-buffer.ts";
import { DEFAULT_MAX_LOG_LINES, NN_MODULE, type AssetName, type CellError, type GradeMessage, type GradeRequest, type HostToWorker, type RunMessage, type WorkerToHost } from "./protocol.ts";
import type { GradeReport } from "./grader/report.ts";
import type { Rich } from "./rich.ts";
import { transpile, type TranspileError, type TranspileResult } from "./transpile.ts";

export { Interrupted } from "./interrupted.ts";
export type { DisplayHandle, ProgressBar, ProgressInput } from "./kernel-output.ts";

/** What the kernel needs from its environment. */
export interface KernelEnv {
  /** The global object cells share (the worker's `self` / `globalThis`). */
  global: typeof globalThis;
  /** Sends a message to the host. */
  post(message: WorkerToHost): void;
  /** The nn library namespace (`import * as nn`). */
  nn: Readonly<Record<string, unknown>>;
  /** `setYieldHook` from the *same* cooperate module instance the nn library uses. */
  setYieldHook(hook: (() => void | Promise<void>) | null, everyMs?: number): unknown;
  /** Evaluates code in the global's realm; defaults to indirect eval. */
  evaluate?(code: string): unknown;
  /** Minimum time between two display updates / progress messages of one output (default 16 ms ≈ 60/s). */
  throttleMs?: number;
  /** Log batching interval (default 16 ms). */
  flushMs?: number;
  /** Grades the page scope's definitions (`grader/install.ts`); without it a `grade` run fails with an error. */
  grade?(request: GradeRequest): Promise<GradeReport>;
  /**
   * Says where a syntax error is when the engine rejects a transpiled cell
   * that sucrase's lenient parser accepted (an early error: `await` in a
   * function that is not async, a duplicate `let` in a block…): acorn's
   * message and position (`syntax-locator.ts`). Loaded only then, because it
   * carries acorn: Node imports it, the browser worker asks the page for it.
   * Without it, or when it finds nothing, the engine's message goes without
   * a position.
   */
  locateSyntaxError?(js: string, source: string): Promise<TranspileError | null>;
}

/** The environment-side handle on a kernel. */
export interface Kernel {
  /** Handles one message from the host. */
  handle(message: HostToWorker): void;
  /** Reports an error that escaped asynchronously (unhandled rejection, worker error event). */
  reportUncaught(reason: unknown, source: "rejection" | "timer" | "worker"): void;
  /**
   * Asks the page for a site file on behalf of the run in flight (the page
   * fetches it same-origin; see AssetMessage). Rejects outside a run.
   */
  requestAsset(name: AssetName): Promise<ArrayBuffer>;
}


/** What the kernel transpiles once at start to warm the transpiler: the constructs cells use (types, an import, a loop). */
const WARM_UP_CELL = `import { Matrix } from "nn";
const xs: number[] = [1, 2, 3];
function total(values: readonly number[]): number { let s = 0; for (const v of values) s += v; return s; }
const m = Matrix.from([xs]);
({ total: total(xs), rows: m.rows, label: \`\${xs.length} values\` });`;

/** Installs the cell globals on `env.global` and returns the message handler. */
export function createKernel(env: KernelEnv): Kernel {
  const ctx = createContext(env);
  installCellScope(ctx);
  env.setYieldHook(() => {
    if (ctx.active?.interrupted) throw new Interrupted();
  }, 25);

  let queue: Promise<void> = Promise.resolve();
  const assetRequests = new Map<number, { name: AssetName; resolve: (b: ArrayBuffer) => void; reject: (e: Error) => void }>();
  let assetSeq = 0;

  ctx.post({ type: "ready", runId: 0, nnExports: ctx.nnExports });
  // The first transpile is the slow one (the engine compiles the parser's code on first use, ~10× a later
  // call), so do it now, on a cell of no consequence, rather than in the reader's first Run. Its result is dropped.
  // A microtask: right after this start-up task, before any message (the cells' setTimeout is wrapped by now).
  queueMicrotask(() => void transpile(WARM_UP_CELL, { cellId: "warm-up", modules: { [NN_MODULE]: ctx.nnExports } }));

  return {
    handle(m: HostToWorker): void {
      switch (m.type) {
        case "run":
        case "grade":
          // Acknowledged on arrival, before any of the cell runs: the host restarts a kernel that stays silent.
          ctx.post({ type: "ack", runId: m.runId });
          queue = queue.then(() => execute(ctx, m, env)).catch((e) => reportFor(ctx, null, e, "worker"));
          return;
        case "clear-timers":
          // The run in flight may be awaiting one of its timers: its timers go when it ends.
          for (const run of [...ctx.runs.values()]) {
            if (run.finished !== 0) retire(ctx, run);
            else run.retireOnEnd = true;
          }
          return;
        case "interrupt": {
          const run = ctx.runs.get(m.runId);
          if (run && run.finished === 0) run.interrupted = true;
          return;
        }
        case "reset":
          queue = queue.then(() => reset(ctx));
          return;
        case "asset": {
          const pending = assetRequests.get(m.requestId);
          assetRequests.delete(m.requestId);
          if (m.bytes) pending?.resolve(m.bytes);
          else pending?.reject(faultError({ code: "asset-failed", asset: pending.name, ...(m.error ? { detail: m.error } : {}) }));
          return;
        }
      }
    },
    requestAsset(name: AssetName): Promise<ArrayBuffer> {
      const run = ctx.ambient ?? ctx.active;
      if (!run) return Promise.reject(faultError({ code: "asset-outside-run", asset: name }));
      const requestId = ++assetSeq;
      return new Promise<ArrayBuffer>((resolve, reject) => {
        assetRequests.set(requestId, { name, resolve, reject });
        ctx.post({ type: "asset-request", runId: run.runId, requestId, name });
      });
    },
    reportUncaught(reason: unknown, source: "rejection" | "timer" | "worker"): void {
      // A rejection noticed just after a run ended (an un-awaited promise in
      // the cell) still belongs to that run.
      const last = ctx.lastFinished;
      const recent = last && ctx.now() - last.finished < 100 ? last : null;
      reportFor(ctx, ctx.ambient ?? ctx.active ?? recent, reason, source);
    },
  };
}

// ---- runs ---------------------------------------------------------------------

/** Runs one cell: starts its run, evaluates it, and ends the run with `done`. */
/**
 * Runs a cell's code, or for a `grade` message the grader: a run like any
 * other (acknowledged, interruptible, ended by `done`), whose report travels as
 * a `grade-report` message, not as a cell result.
 */
async function execute(ctx: KernelContext, msg: RunMessage | GradeMessage, env: KernelEnv): Promise<void> {
  const run = startRun(ctx, msg);
  const status = msg.type === "grade" ? await gradeRun(ctx, run, msg, env.grade) : await evaluateCell(ctx, run, msg, env.locateSyntaxError);
  flushThrottled(ctx, run);
  flushLogs(ctx, run);
  run.finished = ctx.now();
  if (ctx.active === run) ctx.active = null;
  ctx.lastFinished = run;
  if (status === "stopped" || run.retireOnEnd) retire(ctx, run);
  ctx.post({ type: "done", runId: run.runId, status, ms: Math.round(run.finished - run.started) });
}

/** A new run of the cell, now the active one; the cell's previous run is retired. */
function startRun(ctx: KernelContext, msg: RunMessage | GradeMessage): RunState {
  const run: RunState = {
    runId: msg.runId,
    cellId: msg.cellId,
    started: ctx.now(),
    finished: 0,
    interrupted: false,
    logs: new LogBuffer((msg.type === "run" ? msg.maxLogLines : undefined) ?? DEFAULT_MAX_LOG_LINES),
    timers: new Set(),
    displays: new Map(),
    displaySeq: 0,
    progress: new Map(),
    controls: { values: (msg.type === "run" ? msg.controls : undefined) ?? {}, declared: new Set() },
  };
  // A re-run replaces the cell's output: its old timers (animations, intervals) go too.
  const previous = ctx.lastRunOfCell.get(msg.cellId);
  if (previous) retire(ctx, previous);
  ctx.lastRunOfCell.set(msg.cellId, run);
  ctx.runs.set(run.runId, run);
  ctx.active = run;
  ctx.ambient = null;
  return run;
}

/** Grades the scope's definitions and posts the report; returns how the run ended. */
async function gradeRun(ctx: KernelContext, run: RunState, msg: GradeMessage, grade: KernelEnv["grade"]): Promise<"ok" | "error" | "stopped"> {
  try {
    if (!grade) throw new Error("grading is not available in this kernel");
    const { exerciseId, seed, lang } = msg;
    const report = await grade({ exerciseId, seed, lang });
    flushThrottled(ctx, run);
    flushLogs(ctx, run);
    ctx.post({ type: "grade-report", runId: run.runId, report });
    return "ok";
  } catch (e) {
    if (run.interrupted && (e as { name?: unknown })?.name === "Interrupted") return "stopped";
    flushLogs(ctx, run);
    ctx.post({ type: "error", runId: run.runId, error: toCellError(e, ctx.sources) });
    return "error";
  }
}

/** Transpiles, evaluates and awaits the cell, posting its result or error; returns how the run ended. */
async function evaluateCell(ctx: KernelContext, run: RunState, msg: RunMessage, locate: KernelEnv["locateSyntaxError"]): Promise<"ok" | "error" | "stopped"> {
  const fail = (error: CellError): void => {
    flushLogs(ctx, run);
    ctx.post({ type: "error", runId: run.runId, error });
  };
  const tr = transpileCell(ctx, msg);
  if (!tr.ok) {
    fail({ name: "SyntaxError", message: tr.error.message, cellId: msg.cellId, line: tr.error.line, column: tr.error.column, phase: "syntax" });
    return "error";
  }
  const source: CellSource = { cellId: msg.cellId, mapPosition: tr.mapPosition };
  ctx.sources.set(tr.sourceUrl, source);
  ctx.sources.set(`cell:${msg.cellId}`, source);
  for (const n of tr.names) ctx.declared.add(n);
  let fn: () => Promise<unknown>;
  try {
    fn = ctx.evaluate(tr.code) as () => Promise<unknown>;
  } catch (e) {
    // The engine rejected what sucrase's parser accepted: an early error, which the engine reports without a
    // position. The locator (acorn, loaded only now) finds it; failing that, the engine's message alone.
    const located = (e as { name?: unknown })?.name === "SyntaxError" ? await locateQuietly(locate, tr.js, msg.code) : null;
    if (located) fail({ name: "SyntaxError", message: located.message, cellId: msg.cellId, line: located.line, column: located.column, phase: "syntax" });
    else fail({ name: "SyntaxError", message: e instanceof Error ? e.message : String(e), cellId: msg.cellId, phase: "syntax" });
    return "error";
  }
  try {
    const value = await fn();
    if (tr.hasResult && !msg.silent && value !== undefined) {
      let rich: Rich | null = null;
      try {
        rich = displayRich(value);
      } catch (e) {
        fail(toCellError(e, ctx.sources, source));
        return "error";
      }
      flushThrottled(ctx, run);
      flushLogs(ctx, run);
      ctx.post({ type: "result", runId: run.runId, value: rich });
    }
    return "ok";
  } catch (e) {
    if (run.interrupted && (e instanceof Interrupted || (e as { name?: unknown })?.name === "Interrupted")) return "stopped";
    fail(toCellError(e, ctx.sources, source));
    return "error";
  }
}

/** The cell's transpilation: the last one when its source is unchanged (see `KernelContext.transpiled`). */
function transpileCell(ctx: KernelContext, msg: RunMessage): TranspileResult {
  const last = ctx.transpiled.get(msg.cellId);
  if (last?.source === msg.code) return last.result;
  const result = transpile(msg.code, { cellId: msg.cellId, modules: { [NN_MODULE]: ctx.nnExports } });
  ctx.transpiled.set(msg.cellId, { source: msg.code, result });
  return result;
}

/** The locator's answer; null when there is none or it could not be loaded (the reader still gets the engine's message). */
async function locateQuietly(locate: KernelEnv["locateSyntaxError"], js: string, source: string): Promise<TranspileError | null> {
  try {
    return (await locate?.(js, source)) ?? null;
  } catch {
    return null;
  }
}

/** Stops everything a run left behind (timers, pending updates). */
function retire(ctx: KernelContext, run: RunState): void {
  clearRunTimers(ctx, run);
  dropThrottled(ctx, run);
  flushLogs(ctx, run);
  ctx.runs.delete(run.runId);
  if (ctx.lastFinished === run) ctx.lastFinished = null;
}

/** Forgets every run and every name the cells declared (a fresh page scope, same kernel). */
function reset(ctx: KernelContext): void {
  for (const run of [...ctx.runs.values()]) retire(ctx, run);
  ctx.lastRunOfCell.clear();
  ctx.sources.clear();
  for (const n of ctx.declared) delete ctx.g[n];
  ctx.declared.clear();
}

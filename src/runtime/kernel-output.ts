/**
 * A run's output on its way to the page: batched logs, displays and their
 * throttled updates, progress bars, and errors that escaped a run. Each is
 * attributed to the run that produced it (`currentRun`), and logs are flushed
 * before any other message of the run so the page sees them in order.
 */
import { toCellError } from "./cell-errors.ts";
import { Interrupted } from "./interrupted.ts";
import { currentRun, type KernelContext, type RunState, type Throttled } from "./kernel-context.ts";
import { isPlotMark, isPlotSpec, serializePlot } from "./plot-spec.ts";
import type { LogLine, WorkerToHost } from "./protocol.ts";
import { toRich, type Rich } from "./rich.ts";

/** Handle returned by `display(value)`. */
export interface DisplayHandle {
  readonly id: string;
  /** Redraws the output in place (throttled; the last value always arrives). */
  update(value: unknown): void;
}

/** Progress of a long loop. */
export interface ProgressInput {
  done: number;
  total: number;
  label?: string;
  id?: string;
}

/** Handle returned by `progressBar(total)`. */
export interface ProgressBar {
  /** Advances by `n` (default 1). */
  tick(n?: number): void;
  /** Sets the number done. */
  set(done: number): void;
  /** Marks the bar complete. */
  finish(): void;
}

// ---- logs -----------------------------------------------------------------

/** Sends the run's buffered log lines, if any. */
export function flushLogs(ctx: KernelContext, run: RunState): void {
  const body = run.logs.take();
  if (body) ctx.post({ type: "log", runId: run.runId, ...body });
}

function flushAllLogs(ctx: KernelContext): void {
  ctx.flushTimer = null;
  for (const run of ctx.runs.values()) flushLogs(ctx, run);
}

/** Buffers a console line for the current run; a timer sends the batch. */
export function emitLog(ctx: KernelContext, line: LogLine): void {
  const run = currentRun(ctx);
  if (!run) return;
  run.logs.push(line);
  if (ctx.flushTimer === null) ctx.flushTimer = ctx.T.setTimeout(() => flushAllLogs(ctx), ctx.flushMs);
}

/** Posts an error that escaped `run` (or no run) as an `uncaught` message, mapped to the cell's lines. */
export function reportFor(ctx: KernelContext, run: RunState | null, reason: unknown, source: "rejection" | "timer" | "worker"): void {
  if (run) flushLogs(ctx, run);
  const fallback = run ? ctx.sources.get(`cell:${run.cellId}`) : undefined;
  ctx.post({ type: "uncaught", runId: run?.runId ?? null, cellId: run?.cellId ?? null, source, error: toCellError(reason, ctx.sources, fallback) });
}

// ---- throttled outputs (display updates, progress) --------------------------

function sendNow(ctx: KernelContext, run: RunState, t: Throttled, make: () => WorkerToHost | null): void {
  t.pending = null;
  t.lastSent = ctx.now();
  let m: WorkerToHost | null;
  try {
    m = make();
  } catch (e) {
    reportFor(ctx, run, e, "timer");
    return;
  }
  if (!m) return;
  flushLogs(ctx, run);
  ctx.post(m);
}

function throttle(ctx: KernelContext, run: RunState, t: Throttled, make: () => WorkerToHost | null, urgent = false): void {
  const wait = t.lastSent + ctx.throttleMs - ctx.now();
  if (urgent || wait <= 0) {
    // Sending from inside the caller (not only from the timer) keeps a
    // synchronous loop's display live: the page is not blocked by it.
    if (t.timer !== null) ctx.T.clearTimeout(t.timer as ReturnType<typeof setTimeout>);
    t.timer = null;
    sendNow(ctx, run, t, make);
    return;
  }
  t.pending = make;
  if (t.timer === null) {
    t.timer = ctx.T.setTimeout(() => {
      t.timer = null;
      if (t.pending) sendNow(ctx, run, t, t.pending);
    }, Math.max(0, wait));
  }
}

/** Sends every pending display update and progress message of the run now. */
export function flushThrottled(ctx: KernelContext, run: RunState): void {
  for (const t of [...run.displays.values(), ...run.progress.values()]) {
    if (t.timer !== null) ctx.T.clearTimeout(t.timer as ReturnType<typeof setTimeout>);
    t.timer = null;
    if (t.pending) sendNow(ctx, run, t, t.pending);
  }
}

/** Drops the run's pending display updates and progress messages. */
export function dropThrottled(ctx: KernelContext, run: RunState): void {
  for (const t of [...run.displays.values(), ...run.progress.values()]) {
    if (t.timer !== null) ctx.T.clearTimeout(t.timer as ReturnType<typeof setTimeout>);
    t.timer = null;
    t.pending = null;
  }
}

function checkInterrupt(ctx: KernelContext, run: RunState | null): void {
  if (run?.interrupted && run === ctx.active) throw new Interrupted();
}

/** Rich form of a displayed value; plots are serialised here so bad channels throw at the caller. */
export function displayRich(value: unknown): Rich {
  return isPlotSpec(value) || isPlotMark(value) ? { kind: "plot", options: serializePlot(value) } : toRich(value);
}

/** The output functions a cell calls: `display`, `progress`, `progressBar`. */
export function createCellOutput(ctx: KernelContext): {
  display(value: unknown, options?: { id?: string }): DisplayHandle;
  progress(p: ProgressInput): void;
  progressBar(total: number, options?: { label?: string; id?: string }): ProgressBar;
} {
  function display(value: unknown, options: { id?: string } = {}): DisplayHandle {
    const run = currentRun(ctx);
    if (!run) throw new Error("display: no cell is running");
    checkInterrupt(ctx, run);
    const id = options.id != null ? String(options.id) : `display-${++run.displaySeq}`;
    const handle: DisplayHandle = {
      id,
      update(next: unknown) {
        checkInterrupt(ctx, run);
        const t = run.displays.get(id);
        if (!t) return;
        if (isPlotSpec(next) || isPlotMark(next) || typeof next !== "object" || next === null) {
          throttle(ctx, run, t, () => ({ type: "update", runId: run.runId, displayId: id, value: displayRich(next) }));
        } else {
          // Plain objects may be mutated after update() returns; snapshot now so the page shows this state.
          const rich = toRich(next);
          throttle(ctx, run, t, () => ({ type: "update", runId: run.runId, displayId: id, value: rich }));
        }
      },
    };
    if (run.displays.has(id)) {
      handle.update(value);
      return handle;
    }
    const rich = displayRich(value);
    run.displays.set(id, { lastSent: ctx.now(), timer: null, pending: null });
    flushLogs(ctx, run);
    ctx.post({ type: "display", runId: run.runId, displayId: id, value: rich });
    return handle;
  }

  function progress(p: ProgressInput): void {
    const run = currentRun(ctx);
    if (!run) return;
    checkInterrupt(ctx, run);
    const id = p?.id != null ? String(p.id) : "progress";
    const done = Number(p?.done), total = Number(p?.total);
    if (!Number.isFinite(done) || !Number.isFinite(total)) throw new Error(`progress: done and total must be numbers, got ${p?.done} and ${p?.total}`);
    let t = run.progress.get(id);
    if (!t) {
      t = { lastSent: -Infinity, timer: null, pending: null, start: ctx.now() };
      run.progress.set(id, t);
    }
    const start = t.start;
    const label = p.label != null ? String(p.label) : "";
    const make = (): WorkerToHost => {
      const elapsedMs = ctx.now() - start;
      const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const etaMs = frac >= 1 ? 0 : frac > 0 ? (elapsedMs * (1 - frac)) / frac : null;
      return { type: "progress", runId: run.runId, progressId: id, done, total, label, percent: frac * 100, elapsedMs, etaMs };
    };
    throttle(ctx, run, t, make, done >= total);
  }

  function progressBar(total: number, options: { label?: string; id?: string } = {}): ProgressBar {
    let done = 0;
    const id = options.id ?? `bar-${Math.random().toString(36).slice(2, 8)}`;
    const send = (): void => progress({ done, total, label: options.label, id });
    send();
    return {
      tick(n = 1) {
        done += n;
        send();
      },
      set(d: number) {
        done = d;
        send();
      },
      finish() {
        done = total;
        send();
      },
    };
  }

  return { display, progress, progressBar };
}

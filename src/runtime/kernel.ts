/**
 * The worker core, independent of the environment: given a global object and
 * a `post` function it runs cells with Jupyter semantics and streams typed
 * messages back. The browser entry (`worker.ts`) and the Node entry
 * (`node-worker.ts`) only wire it to their message ports.
 *
 * Cells are transpiled (`transpile.ts`), evaluated with indirect eval on the
 * global object (which is the page scope) and awaited. Output is captured
 * through a replaced `console`, `display`, `progress` and wrapped timers, each
 * attributed to the run that produced it: the active run, or — inside a timer
 * callback — the run that scheduled the timer. Stop is cooperative: the
 * interrupt message sets a flag and the nn library's `cooperate()` hook (and
 * `progress` / display updates) throw `Interrupted` at the next yield.
 */
import { createCellConsole } from "./cell-console.ts";
import { createCellControls } from "./cell-controls.ts";
import type { ControlValues } from "./controls.ts";
import { toCellError, type CellSource } from "./cell-errors.ts";
import { LogBuffer } from "./log-buffer.ts";
import { createPlot, isPlotMark, isPlotSpec, serializePlot } from "./plot-spec.ts";
import { DEFAULT_MAX_LOG_LINES, NN_MODULE, type AssetName, type CellError, type GradeMessage, type GradeRequest, type HostToWorker, type LogLine, type RunMessage, type WorkerToHost } from "./protocol.ts";
import type { GradeReport } from "./grader/report.ts";
import { toRich, type Rich } from "./rich.ts";
import { capTexts } from "./text-cap.ts";
import { HELPERS, transpile } from "./transpile.ts";

/** Thrown at a cooperation point after the reader pressed Stop. */
export class Interrupted extends Error {
  constructor(message = "interrupted: the run was stopped") {
    super(message);
    this.name = "Interrupted";
  }
}

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
}

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

interface Throttled {
  lastSent: number;
  timer: unknown;
  pending: (() => WorkerToHost | null) | null;
}

interface RunState {
  runId: number;
  cellId: string;
  started: number;
  finished: number;
  interrupted: boolean;
  /** Stop was pressed while this run was in flight: its timers end with it. */
  retireOnEnd?: boolean;
  logs: LogBuffer;
  /** Timers and intervals the run scheduled and that have not fired/been cleared. */
  timers: Set<unknown>;
  displays: Map<string, Throttled>;
  displaySeq: number;
  progress: Map<string, Throttled & { start: number }>;
  /** The reader's control values sent with the run, and the labels declared so far. */
  controls: { values: ControlValues; declared: Set<string> };
}

type Timers = {
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  setInterval: typeof setInterval;
  clearInterval: typeof clearInterval;
};

/** Installs the cell globals on `env.global` and returns the message handler. */
export function createKernel(env: KernelEnv): Kernel {
  const g = env.global as unknown as Record<string, unknown>;
  const nn = env.nn;
  const nnExports = Object.keys(nn).sort();
  const evaluate = env.evaluate ?? ((code: string) => (0, eval)(code));
  const throttleMs = env.throttleMs ?? 16;
  const flushMs = env.flushMs ?? 16;
  const perf = env.global.performance;
  const now = (): number => perf.now();
  // Captured before cells can replace them: the kernel must keep working
  // whatever a cell does to the globals.
  const T: Timers = {
    setTimeout: env.global.setTimeout.bind(env.global),
    clearTimeout: env.global.clearTimeout.bind(env.global),
    setInterval: env.global.setInterval.bind(env.global),
    clearInterval: env.global.clearInterval.bind(env.global),
  };
  const post = (m: WorkerToHost): void => {
    try {
      // Every text leaving the kernel is capped here, whatever produced it.
      env.post(capTexts(m));
    } catch (e) {
      // A value the structured clone refused (should not happen: everything is Rich). Say so instead of going silent.
      if (m.type !== "done") {
        env.post({ type: "uncaught", runId: m.runId, cellId: null, source: "worker", error: { name: "DataCloneError", message: `could not send a ${m.type} message: ${String(e)}`, phase: "runtime" } });
      } else throw e;
    }
  };

  const runs = new Map<number, RunState>();
  const sources = new Map<string, CellSource>();
  const lastRunOfCell = new Map<string, RunState>();
  const timerOwner = new Map<unknown, RunState>();
  const declared = new Set<string>();
  let active: RunState | null = null;
  /** The run whose timer callback is executing right now (synchronously). */
  let ambient: RunState | null = null;
  let lastFinished: RunState | null = null;
  let queue: Promise<void> = Promise.resolve();
  let flushTimer: unknown = null;

  /** Where output produced right now belongs. */
  const currentRun = (): RunState | null => ambient ?? active ?? lastFinished;

  // ---- logs -----------------------------------------------------------------

  const flushLogs = (run: RunState): void => {
    const body = run.logs.take();
    if (body) post({ type: "log", runId: run.runId, ...body });
  };
  const flushAllLogs = (): void => {
    flushTimer = null;
    for (const run of runs.values()) flushLogs(run);
  };
  const emitLog = (line: LogLine): void => {
    const run = currentRun();
    if (!run) return;
    run.logs.push(line);
    if (flushTimer === null) flushTimer = T.setTimeout(flushAllLogs, flushMs);
  };

  // ---- throttled outputs (display updates, progress) --------------------------

  const sendNow = (run: RunState, t: Throttled, make: () => WorkerToHost | null): void => {
    t.pending = null;
    t.lastSent = now();
    let m: WorkerToHost | null;
    try {
      m = make();
    } catch (e) {
      reportFor(run, e, "timer");
      return;
    }
    if (!m) return;
    flushLogs(run);
    post(m);
  };
  const throttle = (run: RunState, t: Throttled, make: () => WorkerToHost | null, urgent = false): void => {
    const wait = t.lastSent + throttleMs - now();
    if (urgent || wait <= 0) {
      // Sending from inside the caller (not only from the timer) keeps a
      // synchronous loop's display live: the page is not blocked by it.
      if (t.timer !== null) T.clearTimeout(t.timer as ReturnType<typeof setTimeout>);
      t.timer = null;
      sendNow(run, t, make);
      return;
    }
    t.pending = make;
    if (t.timer === null) {
      t.timer = T.setTimeout(() => {
        t.timer = null;
        if (t.pending) sendNow(run, t, t.pending);
      }, Math.max(0, wait));
    }
  };
  const flushThrottled = (run: RunState): void => {
    for (const t of [...run.displays.values(), ...run.progress.values()]) {
      if (t.timer !== null) T.clearTimeout(t.timer as ReturnType<typeof setTimeout>);
      t.timer = null;
      if (t.pending) sendNow(run, t, t.pending);
    }
  };

  const checkInterrupt = (run: RunState | null): void => {
    if (run?.interrupted && run === active) throw new Interrupted();
  };

  /** Rich form of a displayed value; plots are serialised here so bad channels throw at the caller. */
  const displayRich = (value: unknown): Rich =>
    isPlotSpec(value) || isPlotMark(value) ? { kind: "plot", options: serializePlot(value) } : toRich(value);

  function display(value: unknown, options: { id?: string } = {}): DisplayHandle {
    const run = currentRun();
    if (!run) throw new Error("display: no cell is running");
    checkInterrupt(run);
    const id = options.id != null ? String(options.id) : `display-${++run.displaySeq}`;
    const handle: DisplayHandle = {
      id,
      update(next: unknown) {
        checkInterrupt(run);
        const t = run.displays.get(id);
        if (!t) return;
        if (isPlotSpec(next) || isPlotMark(next) || typeof next !== "object" || next === null) {
          throttle(run, t, () => ({ type: "update", runId: run.runId, displayId: id, value: displayRich(next) }));
        } else {
          // Plain objects may be mutated after update() returns; snapshot now so the page shows this state.
          const rich = toRich(next);
          throttle(run, t, () => ({ type: "update", runId: run.runId, displayId: id, value: rich }));
        }
      },
    };
    if (run.displays.has(id)) {
      handle.update(value);
      return handle;
    }
    const rich = displayRich(value);
    run.displays.set(id, { lastSent: now(), timer: null, pending: null });
    flushLogs(run);
    post({ type: "display", runId: run.runId, displayId: id, value: rich });
    return handle;
  }

  function progress(p: ProgressInput): void {
    const run = currentRun();
    if (!run) return;
    checkInterrupt(run);
    const id = p?.id != null ? String(p.id) : "progress";
    const done = Number(p?.done), total = Number(p?.total);
    if (!Number.isFinite(done) || !Number.isFinite(total)) throw new Error(`progress: done and total must be numbers, got ${p?.done} and ${p?.total}`);
    let t = run.progress.get(id);
    if (!t) {
      t = { lastSent: -Infinity, timer: null, pending: null, start: now() };
      run.progress.set(id, t);
    }
    const start = t.start;
    const label = p.label != null ? String(p.label) : "";
    const make = (): WorkerToHost => {
      const elapsedMs = now() - start;
      const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const etaMs = frac >= 1 ? 0 : frac > 0 ? (elapsedMs * (1 - frac)) / frac : null;
      return { type: "progress", runId: run.runId, progressId: id, done, total, label, percent: frac * 100, elapsedMs, etaMs };
    };
    throttle(run, t, make, done >= total);
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

  // ---- timers: attribute callbacks to the run that scheduled them -----------

  const reportFor = (run: RunState | null, reason: unknown, source: "rejection" | "timer" | "worker"): void => {
    if (run) flushLogs(run);
    const fallback = run ? sources.get(`cell:${run.cellId}`) : undefined;
    post({ type: "uncaught", runId: run?.runId ?? null, cellId: run?.cellId ?? null, source, error: toCellError(reason, sources, fallback) });
  };

  const invoke = (run: RunState | null, fn: (...a: unknown[]) => unknown, args: unknown[]): void => {
    const prev = ambient;
    ambient = run;
    try {
      const r = fn(...args);
      if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).then(undefined, (e) => reportFor(run, e, "timer"));
    } catch (e) {
      reportFor(run, e, "timer");
    } finally {
      ambient = prev;
    }
  };

  const wrapTimer = (kind: "timeout" | "interval") =>
    (fn: unknown, ms?: number, ...args: unknown[]): unknown => {
      if (typeof fn !== "function") throw new TypeError(`set${kind === "timeout" ? "Timeout" : "Interval"}: the callback must be a function`);
      const run = ambient ?? active;
      let handle: unknown;
      const cb = (): void => {
        if (kind === "timeout") forget(handle);
        invoke(run, fn as (...a: unknown[]) => unknown, args);
      };
      handle = kind === "timeout" ? T.setTimeout(cb, ms) : T.setInterval(cb, ms);
      if (run) {
        run.timers.add(handle);
        timerOwner.set(handle, run);
      }
      return handle;
    };
  const forget = (handle: unknown): void => {
    const owner = timerOwner.get(handle);
    if (owner) {
      owner.timers.delete(handle);
      timerOwner.delete(handle);
    }
  };
  const clear = (handle: unknown): void => {
    T.clearTimeout(handle as ReturnType<typeof setTimeout>);
    T.clearInterval(handle as ReturnType<typeof setInterval>);
    forget(handle);
  };
  const clearRunTimers = (run: RunState): void => {
    for (const h of run.timers) {
      T.clearTimeout(h as ReturnType<typeof setTimeout>);
      T.clearInterval(h as ReturnType<typeof setInterval>);
      timerOwner.delete(h);
    }
    run.timers.clear();
  };

  // ---- globals cells see ------------------------------------------------------

  const importSync = (spec: unknown): unknown => {
    if (spec === NN_MODULE) return nn;
    throw new Error(`unknown module: ${JSON.stringify(String(spec))} (cells can import from "${NN_MODULE}")`);
  };
  const hidden = (name: string, value: unknown): void => {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  };
  hidden(HELPERS.declare, (names: string[]) => {
    for (const n of names) {
      const d = Object.getOwnPropertyDescriptor(g, n);
      if (!d) {
        Object.defineProperty(g, n, { value: undefined, writable: true, configurable: true, enumerable: true });
      } else if (declared.has(n) && !d.writable && d.configurable && !d.get && !d.set) {
        // A cell's own `const` from an earlier run: a re-run redefines it.
        Object.defineProperty(g, n, { value: d.value, writable: true, configurable: true, enumerable: true });
      } else if (!d.configurable && !d.writable && !d.set) {
        throw new TypeError(`cannot redefine the global "${n}"`);
      } else if (d.get && !d.set && d.configurable) {
        Object.defineProperty(g, n, { value: undefined, writable: true, configurable: true, enumerable: true });
      }
      declared.add(n);
    }
  });
  // `const` bindings are read-only between runs, as in a module: `j = 2` throws (cells run in strict mode).
  hidden(HELPERS.freeze, (names: string[]) => {
    for (const n of names) {
      const d = Object.getOwnPropertyDescriptor(g, n);
      if (d && d.configurable && "value" in d) Object.defineProperty(g, n, { value: d.value, writable: false, configurable: true, enumerable: true });
    }
  });
  hidden(HELPERS.define, (fns: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(fns)) g[k] = v;
  });
  hidden(HELPERS.importSync, importSync);
  hidden(HELPERS.importAsync, (spec: unknown) => Promise.resolve().then(() => importSync(spec)));
  const cellConsole = createCellConsole(emitLog, now);
  const defineGlobal = (name: string, value: unknown): void => {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  };
  defineGlobal("console", cellConsole);
  defineGlobal("nn", nn);
  defineGlobal("Plot", createPlot());
  defineGlobal("display", display);
  defineGlobal("progress", progress);
  defineGlobal("progressBar", progressBar);
  defineGlobal("Interrupted", Interrupted);
  const controls = createCellControls({
    current: () => (ambient === null && active ? active.controls : null),
    send: (control) => {
      if (!active) return;
      flushLogs(active);
      post({ type: "control", runId: active.runId, control });
    },
  }, nn as unknown as Parameters<typeof createCellControls>[1]);
  for (const [name, fn] of Object.entries(controls)) defineGlobal(name, fn);
  defineGlobal("setTimeout", wrapTimer("timeout"));
  defineGlobal("setInterval", wrapTimer("interval"));
  defineGlobal("clearTimeout", clear);
  defineGlobal("clearInterval", clear);

  env.setYieldHook(() => {
    if (active?.interrupted) throw new Interrupted();
  }, 25);

  // ---- runs ---------------------------------------------------------------------

  /**
   * Runs a cell's code, or for a `grade` message the grader (a run like any
   * other: acknowledged, interruptible, ended by `done`; its report travels as
   * a `grade-report` message, not as a cell result).
   */
  async function execute(msg: RunMessage | GradeMessage): Promise<void> {
    const run: RunState = {
      runId: msg.runId,
      cellId: msg.cellId,
      started: now(),
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
    const previous = lastRunOfCell.get(msg.cellId);
    if (previous) retire(previous);
    lastRunOfCell.set(msg.cellId, run);
    runs.set(run.runId, run);
    active = run;
    ambient = null;

    const fail = (error: CellError): void => {
      flushLogs(run);
      post({ type: "error", runId: run.runId, error });
    };
    let status: "ok" | "error" | "stopped" = "ok";
    if (msg.type === "grade") {
      try {
        if (!env.grade) throw new Error("grading is not available in this kernel");
        const { exerciseId, seed, lang } = msg;
        const report = await env.grade({ exerciseId, seed, lang });
        flushThrottled(run);
        flushLogs(run);
        post({ type: "grade-report", runId: run.runId, report });
      } catch (e) {
        if (run.interrupted && (e as { name?: unknown })?.name === "Interrupted") status = "stopped";
        else {
          fail(toCellError(e, sources));
          status = "error";
        }
      }
    } else {
      const tr = transpile(msg.code, { cellId: msg.cellId, modules: { [NN_MODULE]: nnExports } });
      if (!tr.ok) {
        fail({ name: "SyntaxError", message: tr.error.message, cellId: msg.cellId, line: tr.error.line, column: tr.error.column, phase: "syntax" });
        status = "error";
      } else {
        const source: CellSource = { cellId: msg.cellId, mapPosition: tr.mapPosition };
        sources.set(tr.sourceUrl, source);
        sources.set(`cell:${msg.cellId}`, source);
        for (const n of tr.names) declared.add(n);
        let fn: (() => Promise<unknown>) | null = null;
        try {
          fn = evaluate(tr.code) as () => Promise<unknown>;
        } catch (e) {
          // The engine rejected what acorn accepted (rare): no position is available.
          fail({ name: "SyntaxError", message: e instanceof Error ? e.message : String(e), cellId: msg.cellId, phase: "syntax" });
          status = "error";
        }
        if (fn) {
          try {
            const value = await fn();
            if (tr.hasResult && !msg.silent && value !== undefined) {
              let rich: Rich | null = null;
              try {
                rich = displayRich(value);
              } catch (e) {
                fail(toCellError(e, sources, source));
                status = "error";
              }
              if (rich) {
                flushThrottled(run);
                flushLogs(run);
                post({ type: "result", runId: run.runId, value: rich });
              }
            }
          } catch (e) {
            if (run.interrupted && (e instanceof Interrupted || (e as { name?: unknown })?.name === "Interrupted")) {
              status = "stopped";
            } else {
              fail(toCellError(e, sources, source));
              status = "error";
            }
          }
        }
      }
    }
    flushThrottled(run);
    flushLogs(run);
    run.finished = now();
    if (active === run) active = null;
    lastFinished = run;
    if (status === "stopped" || run.retireOnEnd) retire(run);
    post({ type: "done", runId: run.runId, status, ms: Math.round(run.finished - run.started) });
  }

  /** Stops everything a run left behind (timers, pending updates). */
  function retire(run: RunState): void {
    clearRunTimers(run);
    for (const t of [...run.displays.values(), ...run.progress.values()]) {
      if (t.timer !== null) T.clearTimeout(t.timer as ReturnType<typeof setTimeout>);
      t.timer = null;
      t.pending = null;
    }
    flushLogs(run);
    runs.delete(run.runId);
    if (lastFinished === run) lastFinished = null;
  }

  function reset(): void {
    for (const run of [...runs.values()]) retire(run);
    lastRunOfCell.clear();
    sources.clear();
    for (const n of declared) delete g[n];
    declared.clear();
  }

  const assetRequests = new Map<number, { resolve: (b: ArrayBuffer) => void; reject: (e: Error) => void }>();
  let assetSeq = 0;

  post({ type: "ready", runId: 0, nnExports });

  return {
    handle(m: HostToWorker): void {
      switch (m.type) {
        case "run":
        case "grade":
          // Acknowledged on arrival, before any of the cell runs: the host restarts a kernel that stays silent.
          post({ type: "ack", runId: m.runId });
          queue = queue.then(() => execute(m)).catch((e) => reportFor(null, e, "worker"));
          return;
        case "clear-timers":
          // The run in flight may be awaiting one of its timers: its timers go when it ends.
          for (const run of [...runs.values()]) {
            if (run.finished !== 0) retire(run);
            else run.retireOnEnd = true;
          }
          return;
        case "interrupt": {
          const run = runs.get(m.runId);
          if (run && run.finished === 0) run.interrupted = true;
          return;
        }
        case "reset":
          queue = queue.then(reset);
          return;
        case "asset": {
          const pending = assetRequests.get(m.requestId);
          assetRequests.delete(m.requestId);
          if (m.bytes) pending?.resolve(m.bytes);
          else pending?.reject(new Error(m.error ?? "the page could not load the file"));
          return;
        }
      }
    },
    requestAsset(name: AssetName): Promise<ArrayBuffer> {
      const run = ambient ?? active;
      if (!run) return Promise.reject(new Error(`${name}: files load only while a cell runs`));
      const requestId = ++assetSeq;
      return new Promise<ArrayBuffer>((resolve, reject) => {
        assetRequests.set(requestId, { resolve, reject });
        post({ type: "asset-request", runId: run.runId, requestId, name });
      });
    },
    reportUncaught(reason: unknown, source: "rejection" | "timer" | "worker"): void {
      // A rejection noticed just after a run ended (an un-awaited promise in
      // the cell) still belongs to that run.
      const recent = lastFinished && now() - lastFinished.finished < 100 ? lastFinished : null;
      reportFor(ambient ?? active ?? recent, reason, source);
    },
  };
}

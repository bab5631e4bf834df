/**
 * The state one kernel shares between its parts (`kernel.ts` runs cells,
 * `kernel-output.ts` streams their output, `kernel-timers.ts` attributes
 * timer callbacks, `kernel-scope.ts` installs the cell globals): the runs in
 * flight, which run output belongs to right now, and the environment's
 * functions captured before any cell could replace them.
 */
import type { CellSource } from "./cell-errors.ts";
import type { ControlValues } from "./controls.ts";
import { faultText } from "./kernel-faults.ts";
import type { LogBuffer } from "./log-buffer.ts";
import type { WorkerToHost } from "./protocol.ts";
import { capTexts } from "./text-cap.ts";
import type { TranspileResult } from "./transpile.ts";
import type { KernelEnv } from "./kernel.ts";

/** One throttled output (a display's updates, a progress bar). */
export interface Throttled {
  lastSent: number;
  timer: unknown;
  pending: (() => WorkerToHost | null) | null;
}

/** Everything the kernel keeps about one run of a cell. */
export interface RunState {
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

/** The environment's timer functions. */
export type Timers = {
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  setInterval: typeof setInterval;
  clearInterval: typeof clearInterval;
};

/** A kernel's shared state. */
export interface KernelContext {
  /** The global object cells share, as a record. */
  readonly g: Record<string, unknown>;
  readonly nn: Readonly<Record<string, unknown>>;
  /** The nn export names, sorted (announced in `ready`, used by the transpiler). */
  readonly nnExports: string[];
  readonly evaluate: (code: string) => unknown;
  readonly throttleMs: number;
  readonly flushMs: number;
  now(): number;
  /** The environment's timers, captured before cells can replace them. */
  readonly T: Timers;
  /** Sends a message to the host, every text capped. */
  post(m: WorkerToHost): void;
  readonly runs: Map<number, RunState>;
  readonly sources: Map<string, CellSource>;
  readonly lastRunOfCell: Map<string, RunState>;
  readonly timerOwner: Map<unknown, RunState>;
  /** Global names the cells declared (removed on reset). */
  readonly declared: Set<string>;
  /**
   * Each cell's last transpilation, by cell id: a Run of unchanged code (the
   * common case: re-running, Run all, a control moved) skips the transpiler,
   * which in a fresh worker still runs in V8's interpreter and was most of a
   * warm Run's time. The result depends only on the source (the module
   * exports are fixed for the kernel's life), so it survives a scope reset.
   */
  readonly transpiled: Map<string, { source: string; result: TranspileResult }>;
  /** The run in flight. */
  active: RunState | null;
  /** The run whose timer callback is executing right now (synchronously). */
  ambient: RunState | null;
  lastFinished: RunState | null;
  flushTimer: unknown;
}

/** The shared state of a new kernel in `env`. */
export function createContext(env: KernelEnv): KernelContext {
  const perf = env.global.performance;
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
        const fault = { code: "send-failed", messageType: m.type, detail: String(e) } as const;
        env.post({ type: "uncaught", runId: m.runId, cellId: null, source: "worker", error: { name: "DataCloneError", message: faultText(fault, "en"), phase: "runtime", fault } });
      } else throw e;
    }
  };
  return {
    g: env.global as unknown as Record<string, unknown>,
    nn: env.nn,
    nnExports: Object.keys(env.nn).sort(),
    evaluate: env.evaluate ?? ((code: string) => (0, eval)(code)),
    throttleMs: env.throttleMs ?? 16,
    flushMs: env.flushMs ?? 16,
    now: () => perf.now(),
    T,
    post,
    runs: new Map(),
    sources: new Map(),
    lastRunOfCell: new Map(),
    timerOwner: new Map(),
    declared: new Set(),
    transpiled: new Map(),
    active: null,
    ambient: null,
    lastFinished: null,
    flushTimer: null,
  };
}

/** Where output produced right now belongs. */
export function currentRun(ctx: KernelContext): RunState | null {
  return ctx.ambient ?? ctx.active ?? ctx.lastFinished;
}

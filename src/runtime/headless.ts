/**
 * Running cells in Node with exactly the page's semantics: the same
 * `KernelHost`, the same kernel, in a `worker_threads` worker (one per
 * notebook, so notebooks never see each other's globals). test/content uses
 * it to run every cell of every chapter in order, as a reader would.
 */
import { logLineToText } from "./cell-console.ts";
import { KernelHost, type RunEvent, type RunOutcome, type RunRequest } from "./host.ts";
import { LogView } from "./log-view.ts";
import { createNodeWorker } from "./node-worker.ts";
import type { CellError } from "./protocol.ts";
import { richToText, type Rich } from "./rich.ts";

/** Options for one headless run. */
export interface HeadlessRunOptions {
  silent?: boolean;
  timeLimitMs?: number;
  maxLogLines?: number;
  /** Grade the scope's definitions instead of running the code (see `RunRequest.grade`). */
  grade?: RunRequest["grade"];
}

/** A run's outcome with everything it showed, collected. */
export interface HeadlessOutcome extends RunOutcome {
  /** Every event, in order (late timer events keep being appended). */
  events: RunEvent[];
  /** The log as text lines, capped like the page (a `… N lines dropped …` line marks a gap). */
  logs: string[];
  /** The last value of each `display`, by display id. */
  displays: Record<string, Rich>;
  /** The result as text, if any. */
  resultText?: string;
  /** Errors that escaped asynchronously while the run was active. */
  uncaught: CellError[];
}

/** A notebook running in a worker thread. */
export interface HeadlessNotebook {
  /** Runs a cell in the notebook's shared scope. */
  run(cellId: string, code: string, options?: HeadlessRunOptions): Promise<HeadlessOutcome>;
  /** Stops the active run (polite interrupt, then termination). */
  stop(): Promise<"interrupted" | "terminated" | "idle">;
  /** Forgets every name (a fresh worker). */
  reset(): Promise<void>;
  /** Terminates the worker. */
  close(): void;
  /** The underlying host (for reset listeners and diagnostics). */
  readonly host: KernelHost;
}

/** Options for {@link createHeadlessNotebook}. */
export interface HeadlessOptions {
  timeLimitMs?: number;
  graceMs?: number;
  maxLogLines?: number;
  /** Module used as `nn` (file URL); defaults to src/nn/index.ts. */
  nnModule?: string;
}

/** Starts a notebook (its worker starts on the first run). */
export function createHeadlessNotebook(options: HeadlessOptions = {}): HeadlessNotebook {
  const host = new KernelHost({
    createWorker: () => createNodeWorker({ nnModule: options.nnModule }),
    timeLimitMs: options.timeLimitMs,
    graceMs: options.graceMs,
    maxLogLines: options.maxLogLines,
  });
  return {
    host,
    async run(cellId, code, opts = {}) {
      const events: RunEvent[] = [];
      const view = new LogView();
      const displays: Record<string, Rich> = {};
      const uncaught: CellError[] = [];
      const outcome = await host.run({ cellId, code, ...opts }, (e) => {
        events.push(e);
        if (e.type === "log") view.push(e);
        else if (e.type === "display" || e.type === "update") displays[e.displayId] = e.value;
        else if (e.type === "uncaught") uncaught.push(e.error);
      });
      const logs = view.lines.map((l) => ("dropped" in l ? `… ${l.dropped} lines dropped …` : logLineToText(l)));
      return { ...outcome, events, logs, displays, uncaught, resultText: outcome.result ? richToText(outcome.result) : undefined };
    },
    stop: () => host.stop(),
    reset: () => host.reset(),
    close: () => host.dispose(),
  };
}

/**
 * The page's side of the type checker: one worker per page, started shortly
 * after an editor's first focus (`scheduleChecker`) or by the first explicit
 * request (`ask`). Until then nothing is downloaded. Calls made while the worker loads wait in its message queue,
 * so a caller never has to know whether it is ready.
 */
import type { CheckerCall, CheckerResults, FromChecker, ToChecker } from "./protocol.ts";

let worker: Worker | null = null;
let scheduled = false;
const waiting: (() => void)[] = [];
let nextId = 1;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let firstDiagnostics = false;

/** How long after the first focus the checker starts, at the earliest (see `scheduleChecker`). */
export const START_DELAY_MS = 1000;
/** The longest the start waits for running cells to finish. */
const MAX_WAIT_FOR_RUNS_MS = 10_000;

/**
 * Starts the checker soon, not now: a second after the call, when no cell on
 * the page is running and no cell's control has moved for a second (for at
 * most ten seconds more), at the next idle moment. Compiling the language
 * service takes seconds of CPU; a reader who focuses a cell and presses Run,
 * or drags a slider, at once should not have the run, or the page, compete
 * with it (a drag re-runs its cell many times a second, with gaps between
 * the runs). Explicit requests (Ctrl+Space) start it at once through `ask`.
 */
export function scheduleChecker(): void {
  if (worker || scheduled) return;
  scheduled = true;
  performance.mark("typecheck:focus");
  const giveUpWaiting = performance.now() + START_DELAY_MS + MAX_WAIT_FOR_RUNS_MS;
  let lastControlInput = -Infinity;
  const onInput = (e: Event): void => {
    if (e.target instanceof Element && e.target.closest(".cell-controls")) lastControlInput = performance.now();
  };
  document.addEventListener("input", onInput, { capture: true, passive: true });
  const attempt = (): void => {
    if (worker) return document.removeEventListener("input", onInput, { capture: true });
    const busy = document.querySelector(".cell.is-running") || performance.now() - lastControlInput < START_DELAY_MS;
    if (busy && performance.now() < giveUpWaiting) {
      setTimeout(attempt, 250);
      return;
    }
    document.removeEventListener("input", onInput, { capture: true });
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => void }).requestIdleCallback;
    if (idle) idle(startChecker, { timeout: START_DELAY_MS });
    else startChecker();
  };
  setTimeout(attempt, START_DELAY_MS);
}

/** Resolves once the checker has started (scheduled or asked for). */
export function checkerReady(): Promise<void> {
  return worker ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}

/** Starts the checker's worker (idempotent). */
export function startChecker(): void {
  if (worker) return;
  performance.mark("typecheck:start");
  worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "typecheck" });
  worker.addEventListener("message", (e: MessageEvent<FromChecker>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new Error(e.data.error));
  });
  worker.addEventListener("error", (e) => {
    e.preventDefault();
    for (const p of pending.values()) p.reject(new Error(`type checker failed: ${e.message || "worker error"}`));
    pending.clear();
  });
  for (const resolve of waiting.splice(0)) resolve();
}

/** Whether the checker has been started on this page. */
export function checkerStarted(): boolean {
  return worker !== null;
}

/** Asks the checker (starting it if needed). */
export function ask<C extends CheckerCall>(call: C): Promise<CheckerResults[C["method"]]> {
  startChecker();
  const id = nextId++;
  return new Promise<CheckerResults[C["method"]]>((resolve, reject) => {
    pending.set(id, { resolve: (v) => resolve(v as CheckerResults[C["method"]]), reject });
    worker!.postMessage({ ...call, id } as ToChecker);
  }).then((result) => {
    if (call.method === "diagnostics" && !firstDiagnostics) {
      firstDiagnostics = true;
      performance.mark("typecheck:first-diagnostics");
    }
    return result;
  });
}

/**
 * The cells' timers: `setTimeout`/`setInterval` wrapped so each callback runs
 * as part of the run that scheduled it (its output and errors go to that
 * run's cell), and so a re-run, Stop or reset can clear what a run left behind.
 */
import type { KernelContext, RunState } from "./kernel-context.ts";
import { reportFor } from "./kernel-output.ts";

/** Runs a timer callback as part of `run`, reporting what it throws or rejects. */
function invoke(ctx: KernelContext, run: RunState | null, fn: (...a: unknown[]) => unknown, args: unknown[]): void {
  const prev = ctx.ambient;
  ctx.ambient = run;
  try {
    const r = fn(...args);
    if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).then(undefined, (e) => reportFor(ctx, run, e, "timer"));
  } catch (e) {
    reportFor(ctx, run, e, "timer");
  } finally {
    ctx.ambient = prev;
  }
}

function forget(ctx: KernelContext, handle: unknown): void {
  const owner = ctx.timerOwner.get(handle);
  if (owner) {
    owner.timers.delete(handle);
    ctx.timerOwner.delete(handle);
  }
}

/** The cell's `setTimeout` or `setInterval`. */
export function wrapTimer(ctx: KernelContext, kind: "timeout" | "interval") {
  return (fn: unknown, ms?: number, ...args: unknown[]): unknown => {
    if (typeof fn !== "function") throw new TypeError(`set${kind === "timeout" ? "Timeout" : "Interval"}: the callback must be a function`);
    const run = ctx.ambient ?? ctx.active;
    let handle: unknown;
    const cb = (): void => {
      if (kind === "timeout") forget(ctx, handle);
      invoke(ctx, run, fn as (...a: unknown[]) => unknown, args);
    };
    handle = kind === "timeout" ? ctx.T.setTimeout(cb, ms) : ctx.T.setInterval(cb, ms);
    if (run) {
      run.timers.add(handle);
      ctx.timerOwner.set(handle, run);
    }
    return handle;
  };
}

/** The cell's `clearTimeout` and `clearInterval` (either clears either, as in browsers). */
export function clearTimer(ctx: KernelContext) {
  return (handle: unknown): void => {
    ctx.T.clearTimeout(handle as ReturnType<typeof setTimeout>);
    ctx.T.clearInterval(handle as ReturnType<typeof setInterval>);
    forget(ctx, handle);
  };
}

/** Clears every timer and interval the run scheduled. */
export function clearRunTimers(ctx: KernelContext, run: RunState): void {
  for (const h of run.timers) {
    ctx.T.clearTimeout(h as ReturnType<typeof setTimeout>);
    ctx.T.clearInterval(h as ReturnType<typeof setInterval>);
    ctx.timerOwner.delete(h);
  }
  run.timers.clear();
}

/**
 * Cooperative yielding for long loops (training, gradient checks).
 *
 * Learner code runs in a worker, and a worker can only hear "stop" between
 * macrotasks. Long loops therefore `await cooperate()` now and then; it yields
 * to the event loop at most every `intervalMs` and runs a hook that the host
 * may install. The notebook runtime installs a hook that throws when the
 * reader pressed Stop, so a run ends at the next yield while everything it
 * built (a partly trained model) stays in scope. In Node and in tests the
 * default hook just yields.
 */

/** Called at each real yield; may throw to interrupt the loop that called `cooperate()`. */
export type YieldHook = () => void | Promise<void>;

let hook: YieldHook | null = null;
let intervalMs = 25;
let last = 0;

/** Installs (or with `null` removes) the host's yield hook; returns the previous one. */
export function setYieldHook(next: YieldHook | null, everyMs = 25): YieldHook | null {
  const prev = hook;
  hook = next;
  intervalMs = everyMs;
  return prev;
}

const macrotask = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Lets the host interrupt a long loop. Cheap when called often: it only
 * yields when `intervalMs` have passed since the last yield.
 */
export async function cooperate(): Promise<void> {
  const now = performance.now();
  if (now - last < intervalMs) return;
  await macrotask();
  last = performance.now();
  if (hook) await hook();
}

/**
 * Learning-rate schedules: functions from the step number (0 for the first
 * update) to a learning rate. `train({ schedule })` calls one before every
 * update and sets the optimiser's `lr`. They are plain functions so a reader
 * can plot one, or write their own in one line.
 */

/** A learning-rate schedule: step (0, 1, 2, …) → learning rate (> 0). */
export type Schedule = (step: number) => number;

function checkLr0(owner: string, lr0: number): void {
  if (typeof lr0 !== "number" || !Number.isFinite(lr0) || lr0 <= 0) throw new Error(`${owner}: lr0 must be > 0, got ${String(lr0)}`);
}

function checkStep(owner: string, step: number): void {
  if (typeof step !== "number" || !Number.isInteger(step) || step < 0) throw new Error(`${owner}: step must be an integer >= 0, got ${String(step)}`);
}

/** The same learning rate at every step (what `train` does without a schedule). */
export function constantSchedule(lr: number): Schedule {
  checkLr0("constantSchedule", lr);
  return (step) => {
    checkStep("constantSchedule", step);
    return lr;
  };
}

/**
 * Step decay: multiply by `factor` every `dropEvery` steps,
 * lr(t) = lr0 · factor^⌊t / dropEvery⌋. E.g. `stepDecay(0.1, 1000, 0.5)` halves every 1000 steps.
 * @throws for lr0 ≤ 0, dropEvery not a positive integer, factor outside (0, 1].
 */
export function stepDecay(lr0: number, dropEvery: number, factor: number): Schedule {
  checkLr0("stepDecay", lr0);
  if (!Number.isInteger(dropEvery) || dropEvery <= 0) throw new Error(`stepDecay: dropEvery must be a positive integer, got ${String(dropEvery)}`);
  if (typeof factor !== "number" || !(factor > 0 && factor <= 1)) throw new Error(`stepDecay: factor must be in (0, 1], got ${String(factor)}`);
  return (step) => {
    checkStep("stepDecay", step);
    return lr0 * Math.pow(factor, Math.floor(step / dropEvery));
  };
}

/**
 * Exponential decay: lr(t) = lr0 · e^(−k·t). Smooth; halves every ln 2 / k steps.
 * @throws for lr0 ≤ 0 or k < 0.
 */
export function exponentialDecay(lr0: number, k: number): Schedule {
  checkLr0("exponentialDecay", lr0);
  if (typeof k !== "number" || !Number.isFinite(k) || k < 0) throw new Error(`exponentialDecay: k must be >= 0, got ${String(k)}`);
  return (step) => {
    checkStep("exponentialDecay", step);
    return lr0 * Math.exp(-k * step);
  };
}

/**
 * Inverse-time ("1/t") decay: lr(t) = lr0 / (1 + k·t). Decays slowly enough
 * that the steps still add up to infinity, the classic condition for SGD to
 * converge (Robbins–Monro). `k` defaults to 1.
 * @throws for lr0 ≤ 0 or k < 0.
 */
export function inverseTimeDecay(lr0: number, k = 1): Schedule {
  checkLr0("inverseTimeDecay", lr0);
  if (typeof k !== "number" || !Number.isFinite(k) || k < 0) throw new Error(`inverseTimeDecay: k must be >= 0, got ${String(k)}`);
  return (step) => {
    checkStep("inverseTimeDecay", step);
    return lr0 / (1 + k * step);
  };
}

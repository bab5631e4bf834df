import type { Param } from "./param.ts";

/**
 * What every optimiser does: read each parameter's gradient and move its
 * value a little downhill. The training loop only ever calls `step`, so an
 * optimiser can be swapped without touching the loop.
 *
 * Optimisers that keep memory (velocity, running averages) key it by the
 * `Param` object itself (a WeakMap), so the same optimiser can be called on
 * the same model many times, or on two models, without mixing them up.
 */
export interface Optimizer {
  /** Short name, e.g. `"adam"`. */
  readonly name: string;
  /** Learning rate; a schedule may change it between steps (must stay > 0). */
  lr: number;
  /** Updates every parameter's `value` in place from its `grad` (does not zero the gradients). */
  step(params: readonly Param[]): void;
  /** Forgets all memory (velocities, running averages, step counts), as if newly created. */
  reset(): void;
  /** The hyper-parameters, for printing and for the course's tables. */
  describe(): string;
}

/** Options every optimiser accepts. */
export interface OptimizerOptions {
  /** Learning rate (> 0). */
  lr?: number;
  /**
   * L2 weight decay coefficient λ ≥ 0 (default 0): adds λ·w to each gradient
   * before the update, i.e. minimises loss + (λ/2)·‖w‖². It decays biases too;
   * leave it at 0 when that matters.
   */
  weightDecay?: number;
}

/** Checks a learning rate: finite and > 0. Used by the optimisers and by `train` for schedules. */
export function checkLearningRate(owner: string, lr: unknown): number {
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr <= 0) {
    throw new Error(`${owner}: lr must be > 0, got ${String(lr)}`);
  }
  return lr;
}

/** Checks a hyper-parameter lies in [lo, hi) (or [lo, hi] when `closedHigh`); returns it. */
export function checkRange(owner: string, what: string, v: unknown, lo: number, hi: number, closedHigh = false): number {
  const ok = typeof v === "number" && Number.isFinite(v) && v >= lo && (closedHigh ? v <= hi : v < hi);
  if (!ok) {
    const range = Number.isFinite(hi) ? `in [${lo}, ${hi}${closedHigh ? "]" : ")"}` : `>= ${lo}`;
    throw new Error(`${owner}: ${what} must be ${range}, got ${String(v)}`);
  }
  return v as number;
}

/** Checks a strictly positive, finite hyper-parameter (such as ε); returns it. */
export function checkPositive(owner: string, what: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new Error(`${owner}: ${what} must be > 0, got ${String(v)}`);
  }
  return v;
}

/** Rejects option names the optimiser does not know, so a typo (`learningRate`) is not silently ignored. */
export function checkOptionNames(owner: string, opts: object, known: readonly string[]): void {
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) throw new Error(`${owner}: unknown option ${key} (known: ${known.join(", ")})`);
  }
}

/** Checks that a parameter's gradient has the value's shape before an update reads it. */
export function checkParamShapes(owner: string, p: Param): void {
  if (p.grad.rows !== p.value.rows || p.grad.cols !== p.value.cols) {
    throw new Error(`${owner}: gradient of ${p.name} is ${p.grad.shape}, value is ${p.value.shape}`);
  }
}

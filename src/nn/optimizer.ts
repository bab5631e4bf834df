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

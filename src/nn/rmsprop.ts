import type { Param } from "./param.ts";
import type { Optimizer, OptimizerOptions } from "./optimizer.ts";
import { checkLearningRate, checkOptimizerOptions, checkStepParameters, checkParamShapes, checkPositive, checkRange } from "./guards.ts";

/** Options for {@link RMSProp}. */
export interface RMSPropOptions extends OptimizerOptions {
  /**
   * ρ in [0, 1): decay of the running average of squared gradients (default 0.9).
   * Values from 0.9 to 0.999 are usual; larger means a longer memory and smoother step sizes.
   */
  decay?: number;
  /** ε > 0 added to the root mean square so a parameter with tiny gradients does not get a huge step (default 1e-8). */
  epsilon?: number;
}

/**
 * RMSProp (Hinton's lecture 6e): divide each gradient by a running root mean
 * square of recent gradients,
 *   s ← ρ·s + (1 − ρ)·g²,   w ← w − lr·g / (√s + ε)
 * so every parameter moves at roughly the same speed whatever the scale of
 * its gradient. The average starts at zero and is kept per parameter.
 */
export class RMSProp implements Optimizer {
  /** Always `"rmsprop"`. */
  readonly name = "rmsprop";
  /** Learning rate. */
  lr: number;
  /** ρ. */
  readonly decay: number;
  /** ε. */
  readonly epsilon: number;
  /** L2 weight decay λ. */
  readonly weightDecay: number;
  private meanSquare = new WeakMap<Param, Float64Array>();

  /** @param opts `lr` (default 0.001), `decay` (0.9), `epsilon` (1e-8), `weightDecay` (0). */
  constructor(opts: RMSPropOptions = {}) {
    checkOptimizerOptions("rmsprop", "new RMSProp({ lr: 0.1 })", opts, ["lr", "decay", "epsilon", "weightDecay"]);
    this.lr = checkLearningRate("rmsprop", opts.lr ?? 0.001);
    this.decay = checkRange("rmsprop", "decay", opts.decay ?? 0.9, 0, 1);
    this.epsilon = checkPositive("rmsprop", "epsilon", opts.epsilon ?? 1e-8);
    this.weightDecay = checkRange("rmsprop", "weightDecay", opts.weightDecay ?? 0, 0, Infinity);
  }

  /** One update of every parameter. */
  step(params: readonly Param[]): void {
    checkStepParameters("rmsprop", params);
    const lr = checkLearningRate("rmsprop", this.lr);
    const rho = this.decay, eps = this.epsilon, wd = this.weightDecay;
    for (const p of params) {
      checkParamShapes("rmsprop", p);
      const w = p.value.data, g = p.grad.data;
      let s = this.meanSquare.get(p);
      if (!s || s.length !== w.length) {
        s = new Float64Array(w.length);
        this.meanSquare.set(p, s);
      }
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + wd * w[i];
        const si = rho * s[i] + (1 - rho) * gi * gi;
        s[i] = si;
        w[i] -= (lr * gi) / (Math.sqrt(si) + eps);
      }
    }
  }

  /** Forgets the running averages. */
  reset(): void {
    this.meanSquare = new WeakMap();
  }

  /** E.g. `"rmsprop(lr=0.001, ρ=0.9, ε=1e-8)"`. */
  describe(): string {
    return `rmsprop(lr=${this.lr}, ρ=${this.decay}, ε=${this.epsilon}${this.weightDecay ? `, weightDecay=${this.weightDecay}` : ""})`;
  }
}

import type { Param } from "./param.ts";
import type { Optimizer, OptimizerOptions } from "./optimizer.ts";
import { checkLearningRate, checkOptimizerOptions, checkStepParameters, checkParamShapes, checkRange } from "./guards.ts";

/** Options for {@link Momentum}. */
export interface MomentumOptions extends OptimizerOptions {
  /** μ in [0, 1): how much of the previous velocity is kept (default 0.9). μ = 0 is plain SGD. */
  momentum?: number;
  /** Use Nesterov's look-ahead form (default false). */
  nesterov?: boolean;
}

/**
 * SGD with momentum (the "heavy ball"): a velocity accumulates gradients,
 *   v ← μ·v + g,   w ← w − lr·v
 * so steps grow along directions where gradients agree and cancel where they
 * oscillate — which is why it beats SGD on long, narrow valleys. Velocity is
 * kept per parameter and starts at zero.
 *
 * With `nesterov: true` the update uses the look-ahead gradient
 *   w ← w − lr·(g + μ·v)   (after updating v),
 * the same form PyTorch uses.
 */
export class Momentum implements Optimizer {
  /** `"momentum"` or `"nesterov"`. */
  readonly name: string;
  /** Learning rate. */
  lr: number;
  /** μ. */
  readonly momentum: number;
  /** Whether the Nesterov form is used. */
  readonly nesterov: boolean;
  /** L2 weight decay λ. */
  readonly weightDecay: number;
  private velocity = new WeakMap<Param, Float64Array>();

  /** @param opts `lr` (default 0.01), `momentum` (0.9), `nesterov` (false), `weightDecay` (0). */
  constructor(opts: MomentumOptions = {}) {
    checkOptimizerOptions("momentum", "new Momentum({ lr: 0.1 })", opts, ["lr", "momentum", "nesterov", "weightDecay"]);
    this.lr = checkLearningRate("momentum", opts.lr ?? 0.01);
    this.momentum = checkRange("momentum", "momentum", opts.momentum ?? 0.9, 0, 1);
    this.nesterov = opts.nesterov ?? false;
    this.weightDecay = checkRange("momentum", "weightDecay", opts.weightDecay ?? 0, 0, Infinity);
    this.name = this.nesterov ? "nesterov" : "momentum";
  }

  /** One update of every parameter (velocity state is created on first sight of a parameter). */
  step(params: readonly Param[]): void {
    checkStepParameters(this.name, params);
    const lr = checkLearningRate(this.name, this.lr);
    const mu = this.momentum, wd = this.weightDecay, nesterov = this.nesterov;
    for (const p of params) {
      checkParamShapes(this.name, p);
      const w = p.value.data, g = p.grad.data;
      let v = this.velocity.get(p);
      if (!v || v.length !== w.length) {
        v = new Float64Array(w.length);
        this.velocity.set(p, v);
      }
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + wd * w[i];
        const vi = mu * v[i] + gi;
        v[i] = vi;
        w[i] -= lr * (nesterov ? gi + mu * vi : vi);
      }
    }
  }

  /** Forgets every velocity. */
  reset(): void {
    this.velocity = new WeakMap();
  }

  /** E.g. `"momentum(lr=0.01, μ=0.9)"`. */
  describe(): string {
    return `${this.name}(lr=${this.lr}, μ=${this.momentum}${this.weightDecay ? `, weightDecay=${this.weightDecay}` : ""})`;
  }
}

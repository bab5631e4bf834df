import type { Param } from "./param.ts";
import type { Optimizer, OptimizerOptions } from "./optimizer.ts";
import { checkLearningRate, checkOptimizerOptions, checkStepParameters, checkParamShapes, checkPositive, checkRange } from "./guards.ts";

/** Options for {@link Adam}. */
export interface AdamOptions extends OptimizerOptions {
  /** β1 in [0, 1): decay of the first-moment (mean gradient) average (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1): decay of the second-moment (mean squared gradient) average (default 0.999). */
  beta2?: number;
  /** ε > 0 in the denominator (default 1e-8). */
  epsilon?: number;
}

/** Per-parameter memory: both moment averages and how many updates this parameter has had. */
interface AdamState {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

/**
 * Adam (Kingma & Ba, 2015): momentum and RMSProp together, with bias correction.
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   m̂ = m / (1 − β1ᵗ),       v̂ = v / (1 − β2ᵗ)
 *   w ← w − lr·m̂ / (√v̂ + ε)
 * Both averages start at zero, so early on they are biased towards zero; the
 * division by (1 − βᵗ) undoes that exactly (at t = 1, m̂ = g and v̂ = g², so the
 * first step moves each weight by about lr·sign(g)). The step count t is kept
 * per parameter, so a parameter added later starts its own correction.
 * Weight decay, if set, is the classic L2 form (added to g), not AdamW.
 */
export class Adam implements Optimizer {
  /** Always `"adam"`. */
  readonly name = "adam";
  /** Learning rate. */
  lr: number;
  /** β1. */
  readonly beta1: number;
  /** β2. */
  readonly beta2: number;
  /** ε. */
  readonly epsilon: number;
  /** L2 weight decay λ. */
  readonly weightDecay: number;
  private state = new WeakMap<Param, AdamState>();

  /** @param opts `lr` (default 0.001), `beta1` (0.9), `beta2` (0.999), `epsilon` (1e-8), `weightDecay` (0). */
  constructor(opts: AdamOptions = {}) {
    checkOptimizerOptions("adam", "new Adam({ lr: 0.1 })", opts, ["lr", "beta1", "beta2", "epsilon", "weightDecay"]);
    this.lr = checkLearningRate("adam", opts.lr ?? 0.001);
    this.beta1 = checkRange("adam", "beta1", opts.beta1 ?? 0.9, 0, 1);
    this.beta2 = checkRange("adam", "beta2", opts.beta2 ?? 0.999, 0, 1);
    this.epsilon = checkPositive("adam", "epsilon", opts.epsilon ?? 1e-8);
    this.weightDecay = checkRange("adam", "weightDecay", opts.weightDecay ?? 0, 0, Infinity);
  }

  /** One update of every parameter. */
  step(params: readonly Param[]): void {
    checkStepParameters("adam", params);
    const lr = checkLearningRate("adam", this.lr);
    const b1 = this.beta1, b2 = this.beta2, eps = this.epsilon, wd = this.weightDecay;
    for (const p of params) {
      checkParamShapes("adam", p);
      const w = p.value.data, g = p.grad.data;
      let s = this.state.get(p);
      if (!s || s.m.length !== w.length) {
        s = { m: new Float64Array(w.length), v: new Float64Array(w.length), t: 0 };
        this.state.set(p, s);
      }
      s.t += 1;
      const c1 = 1 - Math.pow(b1, s.t), c2 = 1 - Math.pow(b2, s.t);
      const m = s.m, v = s.v;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + wd * w[i];
        const mi = b1 * m[i] + (1 - b1) * gi;
        const vi = b2 * v[i] + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        w[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
      }
    }
  }

  /** Forgets both moment averages and the step counts. */
  reset(): void {
    this.state = new WeakMap();
  }

  /** E.g. `"adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-8)"`. */
  describe(): string {
    return `adam(lr=${this.lr}, β1=${this.beta1}, β2=${this.beta2}, ε=${this.epsilon}${this.weightDecay ? `, weightDecay=${this.weightDecay}` : ""})`;
  }
}

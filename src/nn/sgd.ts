import type { Param } from "./param.ts";
import type { Optimizer, OptimizerOptions } from "./optimizer.ts";
import { checkLearningRate, checkOptimizerOptions, checkStepParameters, checkParamShapes, checkRange } from "./guards.ts";

/**
 * Plain stochastic gradient descent: w ← w − lr·(g + λ·w).
 * No memory, so `reset()` does nothing; the baseline every other optimiser is compared with.
 */
export class SGD implements Optimizer {
  /** Always `"sgd"`. */
  readonly name = "sgd";
  /** Learning rate. */
  lr: number;
  /** L2 weight decay λ. */
  readonly weightDecay: number;

  /** @param opts `lr` (default 0.01), `weightDecay` (default 0). */
  constructor(opts: OptimizerOptions = {}) {
    checkOptimizerOptions("sgd", "new SGD({ lr: 0.1 })", opts, ["lr", "weightDecay"]);
    this.lr = checkLearningRate("sgd", opts.lr ?? 0.01);
    this.weightDecay = checkRange("sgd", "weightDecay", opts.weightDecay ?? 0, 0, Infinity);
  }

  /** w ← w − lr·(g + λ·w) for every parameter. */
  step(params: readonly Param[]): void {
    checkStepParameters("sgd", params);
    const lr = checkLearningRate("sgd", this.lr);
    const wd = this.weightDecay;
    for (const p of params) {
      checkParamShapes("sgd", p);
      const w = p.value.data, g = p.grad.data;
      if (wd === 0) {
        for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      } else {
        for (let i = 0; i < w.length; i++) w[i] -= lr * (g[i] + wd * w[i]);
      }
    }
  }

  /** SGD keeps no memory; nothing to forget. */
  reset(): void {}

  /** E.g. `"sgd(lr=0.1)"`. */
  describe(): string {
    return `sgd(lr=${this.lr}${this.weightDecay ? `, weightDecay=${this.weightDecay}` : ""})`;
  }
}

import { Matrix } from "./matrix.ts";

/**
 * A trainable parameter: its value and the gradient of the loss with respect
 * to it, side by side and always the same shape. Layers fill `grad` during
 * `backward`; optimisers read `grad` and update `value` in place.
 */
export interface Param {
  /** Readable name, unique inside a model, e.g. `"dense1.W"`. Gradient-check reports use it. */
  name: string;
  /** Current value (updated in place by optimisers). */
  value: Matrix;
  /** Accumulated gradient dLoss/dValue (same shape as `value`). */
  grad: Matrix;
}

/** Creates a parameter with a zero gradient of the value's shape. */
export function createParam(name: string, value: Matrix): Param {
  return { name, value, grad: Matrix.zeros(value.rows, value.cols) };
}

/** Sets every gradient to zero. Gradients accumulate, so training resets them before each backward pass. */
export function zeroGrads(params: readonly Param[]): void {
  for (const p of params) p.grad.data.fill(0);
}

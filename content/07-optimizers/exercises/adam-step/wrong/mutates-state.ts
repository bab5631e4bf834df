// Mistake: updates m, v and t in place and returns them, changing the caller's matrices (expect: mutated-input)
import { Matrix } from "nn";

export function adamStep(
  w: Matrix, grad: Matrix, m: Matrix, v: Matrix, t: Matrix,
  lr: number, beta1: number, beta2: number, eps: number,
): { w: Matrix; m: Matrix; v: Matrix; t: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    const g = grad.data[k];
    t.data[k] += 1;
    m.data[k] = beta1 * m.data[k] + (1 - beta1) * g;
    v.data[k] = beta2 * v.data[k] + (1 - beta2) * g * g;
    const mHat = m.data[k] / (1 - beta1 ** t.data[k]);
    const vHat = v.data[k] / (1 - beta2 ** t.data[k]);
    newW.data[k] = w.data[k] - (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
  return { w: newW, m, v, t };
}

// Mistake: corrects m but forgets to correct v, so the steps are √(1 − β2ᵗ) times too long (expect: scaled)
import { Matrix } from "nn";

export function adamStep(
  w: Matrix, grad: Matrix, m: Matrix, v: Matrix, t: Matrix,
  lr: number, beta1: number, beta2: number, eps: number,
): { w: Matrix; m: Matrix; v: Matrix; t: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newM = new Matrix(w.rows, w.cols);
  const newV = new Matrix(w.rows, w.cols);
  const newT = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    const g = grad.data[k];
    const step = t.data[k] + 1;
    newM.data[k] = beta1 * m.data[k] + (1 - beta1) * g;
    newV.data[k] = beta2 * v.data[k] + (1 - beta2) * g * g;
    const mHat = newM.data[k] / (1 - beta1 ** step);
    newW.data[k] = w.data[k] - (lr * mHat) / (Math.sqrt(newV.data[k]) + eps);
    newT.data[k] = step;
  }
  return { w: newW, m: newM, v: newV, t: newT };
}

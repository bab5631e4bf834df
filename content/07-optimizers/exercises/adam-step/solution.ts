import { Matrix } from "nn";

// Adam: average the gradient (m) and its square (v), undo the bias of their
// zero start by dividing by 1 − βᵗ, and move each weight by lr·m̂ / (√v̂ + eps).
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
    const step = t.data[k] + 1; // the number of this step: 1 on the first call
    newM.data[k] = beta1 * m.data[k] + (1 - beta1) * g;
    newV.data[k] = beta2 * v.data[k] + (1 - beta2) * g * g;
    const mHat = newM.data[k] / (1 - beta1 ** step);
    const vHat = newV.data[k] / (1 - beta2 ** step);
    newW.data[k] = w.data[k] - (lr * mHat) / (Math.sqrt(vHat) + eps);
    newT.data[k] = step;
  }
  return { w: newW, m: newM, v: newV, t: newT };
}

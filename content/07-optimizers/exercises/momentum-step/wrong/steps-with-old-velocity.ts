// Mistake: steps w with the velocity passed in and only then updates it, so every step lags one behind (expect: old-state)
import { Matrix } from "nn";

export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newV = new Matrix(v.rows, v.cols);
  for (let k = 0; k < w.data.length; k++) {
    newW.data[k] = w.data[k] - lr * v.data[k];
    newV.data[k] = mu * v.data[k] + grad.data[k];
  }
  return { w: newW, v: newV };
}

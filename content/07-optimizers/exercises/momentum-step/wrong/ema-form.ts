// Mistake: the EMA form of momentum, v ← μv + (1 − μ)·g, whose steps are (1 − μ) times this course's v ← μv + g at the same lr (expect: scaled)
import { Matrix } from "nn";

export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newV = new Matrix(v.rows, v.cols);
  for (let k = 0; k < w.data.length; k++) {
    newV.data[k] = mu * v.data[k] + (1 - mu) * grad.data[k];
    newW.data[k] = w.data[k] - lr * newV.data[k];
  }
  return { w: newW, v: newV };
}

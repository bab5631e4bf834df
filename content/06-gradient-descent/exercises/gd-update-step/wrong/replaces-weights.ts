// Mistake: returns −lr·grad, the step itself, instead of w plus the step (expect: mismatch)
import { Matrix } from "nn";

export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) newW.data[k] = -lr * grad.data[k];
  return { w: newW };
}

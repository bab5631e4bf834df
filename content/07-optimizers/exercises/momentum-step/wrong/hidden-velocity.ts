// Mistake: keeps its own velocity between calls instead of using the v it is given, so the same call twice gives two answers (expect: accumulates)
import { Matrix } from "nn";

let velocity: Float64Array | null = null;

export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  if (!velocity || velocity.length !== w.data.length) velocity = new Float64Array(w.data.length);
  const newW = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    velocity[k] = mu * velocity[k] + grad.data[k];
    newW.data[k] = w.data[k] - lr * velocity[k];
  }
  return { w: newW, v: v.clone() };
}

// Mistake: updates w and v in place and returns them, changing the caller's matrices (expect: mutated-input)
import { Matrix } from "nn";

export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  for (let k = 0; k < w.data.length; k++) {
    v.data[k] = mu * v.data[k] + grad.data[k];
    w.data[k] -= lr * v.data[k];
  }
  return { w, v };
}

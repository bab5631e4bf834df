// Mistake: updates w in place and returns it, changing the caller's matrix (expect: mutated-input)
import { Matrix } from "nn";

export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  for (let k = 0; k < w.data.length; k++) w.data[k] -= lr * grad.data[k];
  return { w };
}

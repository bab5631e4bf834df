// Mistake: returns a copy of w without applying the step, so nothing ever moves (expect: zeros)
import { Matrix } from "nn";

export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  return { w: w.clone() };
}

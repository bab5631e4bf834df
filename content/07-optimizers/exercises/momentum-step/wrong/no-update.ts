// Mistake: returns the weights unchanged, so nothing ever moves (expect: zeros)
import { Matrix } from "nn";

export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  void grad; void lr; void mu;
  return { w: w.clone(), v: v.clone() };
}

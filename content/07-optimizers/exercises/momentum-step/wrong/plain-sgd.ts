// Mistake: never uses the previous velocity, so it is plain SGD: step 1 agrees, later steps do not (expect: mismatch)
import { Matrix } from "nn";

export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  void v; void mu;
  const newW = new Matrix(w.rows, w.cols);
  const newV = grad.clone();
  for (let k = 0; k < w.data.length; k++) newW.data[k] = w.data[k] - lr * newV.data[k];
  return { w: newW, v: newV };
}

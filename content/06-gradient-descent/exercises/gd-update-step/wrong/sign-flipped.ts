// Mistake: adds the step instead of subtracting it, walking uphill (expect: sign-flipped)
import { Matrix } from "nn";

export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) newW.data[k] = w.data[k] + lr * grad.data[k];
  return { w: newW };
}

// Mistake: returns a zero gradient, the placeholder left in (expect: zeros)
import { Matrix } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  return new Matrix(dOut.rows, x.cols);
}

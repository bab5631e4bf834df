// Mistake: returns the empty matrix of the starter, the placeholder left in (expect: zeros)
import { Matrix } from "nn";

export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  return new Matrix(X.rows, W.cols);
}

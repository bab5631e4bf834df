// Mistake: returns zero gradients, the placeholder left in (expect: zeros)
import { Matrix } from "nn";

export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  return { dW: new Matrix(W.rows, W.cols), db: new Matrix(1, W.cols), dX: new Matrix(X.rows, X.cols) };
}

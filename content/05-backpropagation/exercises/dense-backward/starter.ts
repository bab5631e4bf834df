import { Matrix } from "nn";

// The backward pass of a dense layer Z = X·W + b. X is N×n (one example per
// row), W is n×m and dZ = ∂L/∂Z is N×m. Return the gradients dW (n×m),
// db (1×m) and dX (N×n) as new matrices. Do not change X, W or dZ.
export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  const dW = new Matrix(W.rows, W.cols);
  const db = new Matrix(1, W.cols);
  const dX = new Matrix(X.rows, X.cols);
  // TODO: fill dW, db and dX.
  return { dW, db, dX };
}

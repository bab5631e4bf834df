import { Matrix } from "nn";

// The forward pass of a dense layer: X is batch×in (one example per row), W is in×out, b is 1×out.
// Return Z = XW + b, a batch×out matrix. Do not change X, W or b.
export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  // TODO: fill Z, entry by entry.
  return Z;
}

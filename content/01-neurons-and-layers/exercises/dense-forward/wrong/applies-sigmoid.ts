// Mistake: applies the sigmoid, returning the activations A = σ(XW + b) instead of Z (expect: mismatch)
import { Matrix } from "nn";

export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < W.cols; j++) {
      let s = b.get(0, j);
      for (let k = 0; k < X.cols; k++) s += X.get(i, k) * W.get(k, j);
      Z.set(i, j, 1 / (1 + Math.exp(-s)));
    }
  }
  return Z;
}

// Mistake: computes only the first example, returning 1×out whatever the batch size (expect: shape)
import { Matrix } from "nn";

export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(1, W.cols);
  for (let j = 0; j < W.cols; j++) {
    let s = b.get(0, j);
    for (let k = 0; k < X.cols; k++) s += X.get(0, k) * W.get(k, j);
    Z.set(0, j, s);
  }
  return Z;
}

// Mistake: adds the bias by example (b[i]) instead of by neuron (b[j]): wrong values for one example, and reads past the end of b for a batch (expect: mismatch)
import { Matrix } from "nn";

export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < W.cols; j++) {
      let s = b.data[i];
      for (let k = 0; k < X.cols; k++) s += X.get(i, k) * W.get(k, j);
      Z.set(i, j, s);
    }
  }
  return Z;
}

// Mistake: reads W as if it were out×in, W[j][k] instead of W[k][j], which fails as soon as W is not square (expect: exception)
import { Matrix } from "nn";

export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < W.cols; j++) {
      let s = b.get(0, j);
      for (let k = 0; k < X.cols; k++) s += X.get(i, k) * W.get(j, k);
      Z.set(i, j, s);
    }
  }
  return Z;
}

import { Matrix } from "nn";

// Entry (i, j) is example i's weighted sum for neuron j: row i of X times column j of W, plus b[j].
export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < W.cols; j++) {
      let s = b.get(0, j);
      for (let k = 0; k < X.cols; k++) s += X.get(i, k) * W.get(k, j);
      Z.set(i, j, s);
    }
  }
  return Z;
}

// Mistake: takes db from the first example only instead of summing over the batch (expect: mismatch)
import { Matrix, matmulTransA, matmulTransB } from "nn";

export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  const db = new Matrix(1, W.cols);
  for (let j = 0; j < W.cols; j++) db.data[j] = dZ.get(0, j);
  return { dW: matmulTransA(X, dZ), db, dX: matmulTransB(dZ, W) };
}

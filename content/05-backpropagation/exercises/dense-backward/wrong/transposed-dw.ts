// Mistake: computes dW as dZᵀ·X, which is m×n, the transpose of the right gradient (expect: shape)
import { Matrix, matmulTransA, matmulTransB, sumColumns } from "nn";

export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  return { dW: matmulTransA(dZ, X), db: sumColumns(dZ), dX: matmulTransB(dZ, W) };
}

// Mistake: forgets to transpose W in dX = dZ·Wᵀ; dZ·W does not even fit (expect: exception)
import { Matrix, matmul, matmulTransA, sumColumns } from "nn";

export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  return { dW: matmulTransA(X, dZ), db: sumColumns(dZ), dX: matmul(dZ, W) };
}

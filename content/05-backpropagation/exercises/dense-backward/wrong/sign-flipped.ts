// Mistake: negates every gradient, as if stepping downhill already (expect: sign-flipped)
import { Matrix, matmulTransA, matmulTransB, scale, sumColumns } from "nn";

export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  return { dW: scale(matmulTransA(X, dZ), -1), db: scale(sumColumns(dZ), -1), dX: scale(matmulTransB(dZ, W), -1) };
}

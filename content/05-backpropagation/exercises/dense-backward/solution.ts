import { Matrix, matmulTransA, matmulTransB, sumColumns } from "nn";

// Z = X·W + b, so ∂L/∂W = Xᵀ·dZ, ∂L/∂b = the column sums of dZ (b is added
// to every row) and ∂L/∂X = dZ·Wᵀ.
export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  return {
    dW: matmulTransA(X, dZ), // Xᵀ·dZ: n×N · N×m = n×m
    db: sumColumns(dZ), // 1×m
    dX: matmulTransB(dZ, W), // dZ·Wᵀ: N×m · m×n = N×n
  };
}

import { Matrix, matmulTransA, matmulTransB, sumColumns } from "nn";

// Z = X·W + b，所以 ∂L/∂W = Xᵀ·dZ，∂L/∂b = dZ 的列和（b 加到了
// 每一行上），∂L/∂X = dZ·Wᵀ。
export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  return {
    dW: matmulTransA(X, dZ), // Xᵀ·dZ：n×N · N×m = n×m
    db: sumColumns(dZ), // 1×m
    dX: matmulTransB(dZ, W), // dZ·Wᵀ：N×m · m×n = N×n
  };
}

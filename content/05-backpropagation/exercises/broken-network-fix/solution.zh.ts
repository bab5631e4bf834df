import { Matrix, addRowVector, map, matmul } from "nn";
import { matmulTransA, matmulTransB, mul, scale, sub, sumColumns } from "nn";

// 修好了：dW2 用的是 delta2 = ∂L/∂Z2（误差乘以 σ′），每个偏置得到
// 它那一层 delta 的列和。
const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function fixedBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A1 = map(addRowVector(matmul(X, W1), b1), sig);
  const A2 = map(addRowVector(matmul(A1, W2), b2), sig);
  const error = scale(sub(A2, Y), 2 / Y.rows);             // dL/dA2
  const delta2 = mul(error, map(A2, (a) => a * (1 - a)));  // dL/dZ2
  const dW2 = matmulTransA(A1, delta2);                    // 不是 A1ᵀ·error
  const db2 = sumColumns(delta2);
  const dA1 = matmulTransB(delta2, W2);
  const delta1 = mul(dA1, map(A1, (a) => a * (1 - a)));    // dL/dZ1
  const dW1 = matmulTransA(X, delta1);
  const db1 = sumColumns(delta1);
  return { dW1, db1, dW2, db2 };
}

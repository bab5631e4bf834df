import {
  Matrix, add, addRowVector, map, matmul, matmulTransA, matmulTransB,
  mul, scale, softmax, sub, sumColumns,
} from "nn";

const LAMBDA = 0.01; // 对 W1 和 W2 做权重衰减（偏置不衰减）

// ReLU 分类器通常的反向传播，再给每个做衰减的权重矩阵加上 λ·W。
export function decayBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A = addRowVector(matmul(X, W1), b1);
  const H = map(A, (a) => Math.max(a, 0));
  const P = softmax(addRowVector(matmul(H, W2), b2));
  const dZ = scale(sub(P, Y), 1 / X.rows); // ∂(平均交叉熵)/∂Z
  const dW2 = add(matmulTransA(H, dZ), scale(W2, LAMBDA));
  const db2 = sumColumns(dZ);
  // 穿过 ReLU：它的导数在 A > 0 处为 1，其他地方为 0
  const dA = mul(matmulTransB(dZ, W2), map(A, (a) => (a > 0 ? 1 : 0)));
  const dW1 = add(matmulTransA(X, dA), scale(W1, LAMBDA));
  const db1 = sumColumns(dA);
  return { dW1, db1, dW2, db2 };
}

import {
  Matrix, add, addRowVector, map, matmul, matmulTransA, matmulTransB,
  mul, scale, softmax, sub, sumColumns,
} from "nn";

const LAMBDA = 0.01; // 对 W1 和 W2 做权重衰减（偏置不衰减）

// H = relu(X·W1 + b1)，Z = H·W2 + b2，损失是 softmax(Z) 相对于独热编码 Y 的
// 平均交叉熵，再加上 (LAMBDA / 2)·(‖W1‖² + ‖W2‖²)。
// 返回损失对每个参数的梯度。
export function decayBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A = addRowVector(matmul(X, W1), b1);
  const H = map(A, (a) => Math.max(a, 0));
  const P = softmax(addRowVector(matmul(H, W2), b2));
  // TODO：从 dZ = (P − Y) / N 开始反向传播，再加上权重衰减项。
  void [add, matmulTransA, matmulTransB, mul, scale, sub, sumColumns, P, LAMBDA];
  return {
    dW1: new Matrix(W1.rows, W1.cols), db1: new Matrix(1, b1.cols),
    dW2: new Matrix(W2.rows, W2.cols), db2: new Matrix(1, b2.cols),
  };
}

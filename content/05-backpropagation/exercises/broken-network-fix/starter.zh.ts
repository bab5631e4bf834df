import { Matrix, addRowVector, map, matmul } from "nn";
import { matmulTransA, matmulTransB, scale, sub } from "nn";

// 第 5 章那个有缺陷的网络，现在加上了偏置：
//   A1 = σ(X·W1 + b1),  A2 = σ(A1·W2 + b2),
//   L = (1/N) Σ (A2 − Y)²，对批中的 N 行求和（每行一个输出）。
// 下面的反向传播就是 numpy 代码里的那个，改写成了 L 的梯度：
// 两层都没有乘 Sigmoid 的导数。修好它，并给偏置算出梯度：
// 返回 { dW1, db1, dW2, db2 }，每个都与它的参数形状相同。
const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function fixedBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A1 = map(addRowVector(matmul(X, W1), b1), sig);
  const A2 = map(addRowVector(matmul(A1, W2), b2), sig);
  const error = scale(sub(A2, Y), 2 / Y.rows);      // dL/dA2
  const dW2 = matmulTransA(A1, error);              // TODO：需要的是 dL/dZ2
  const hiddenError = matmulTransB(error, W2);
  const dW1 = matmulTransA(X, hiddenError);         // TODO：需要的是 dL/dZ1
  // TODO：偏置的梯度。
  const db1 = new Matrix(b1.rows, b1.cols);
  const db2 = new Matrix(b2.rows, b2.cols);
  return { dW1, db1, dW2, db2 };
}

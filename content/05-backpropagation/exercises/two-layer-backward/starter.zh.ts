import { Matrix, addRowVector, map, matmul, softmax } from "nn";

// 一个两层网络，输入为一批数据 x（每行一个样本），y 为独热标签：
//   z1 = x·W1 + b1,  a1 = tanh(z1),  z2 = a1·W2 + b2,  p = softmax(z2),
//   L = −Σ y·log p 在整批上的平均。
// 返回 L 对每个参数的梯度（每个梯度都与它的参数形状相同）。
export function twoLayerBackward(
  x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  // 前向传播，保留反向传播需要的量。
  const a1 = map(addRowVector(matmul(x, W1), b1), Math.tanh);
  const p = softmax(addRowVector(matmul(a1, W2), b2));

  // TODO：反向传播，从损失一直到 W1。
  void p; void y;
  const dW2 = new Matrix(W2.rows, W2.cols);
  const db2 = new Matrix(b2.rows, b2.cols);
  const dW1 = new Matrix(W1.rows, W1.cols);
  const db1 = new Matrix(b1.rows, b1.cols);
  return { dW1, db1, dW2, db2 };
}

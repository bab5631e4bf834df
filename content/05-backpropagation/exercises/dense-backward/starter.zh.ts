import { Matrix } from "nn";

// 全连接层 Z = X·W + b 的反向传播。X 是 N×n（每行一个样本），
// W 是 n×m，dZ = ∂L/∂Z 是 N×m。以新矩阵的形式返回梯度 dW（n×m）、
// db（1×m）和 dX（N×n）。不要修改 X、W 或 dZ。
export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  const dW = new Matrix(W.rows, W.cols);
  const db = new Matrix(1, W.cols);
  const dX = new Matrix(X.rows, X.cols);
  // TODO：填写 dW、db 和 dX。
  return { dW, db, dX };
}

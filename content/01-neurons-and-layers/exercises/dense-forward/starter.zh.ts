import { Matrix } from "nn";

// 全连接层的前向计算：X 为 batch×in（每行一个样本），W 为 in×out，b 为 1×out。
// 返回 Z = XW + b，一个 batch×out 的矩阵。不要修改 X、W 和 b。
export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  // TODO：逐个元素填好 Z。
  return Z;
}

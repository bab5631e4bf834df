import { Matrix } from "nn";

// relu 的反向传播：给定这一层的输入 x 和上游梯度 dOut（形状相同，
// 每行一个样本），返回 dX = ∂L/∂x。不要修改 x 或 dOut。
export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  // TODO：逐个元素填写 dX。
  return dX;
}

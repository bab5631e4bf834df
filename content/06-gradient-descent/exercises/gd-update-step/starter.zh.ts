import { Matrix } from "nn";

// 梯度下降的一步。给定权重 w、它们的梯度 grad（形状相同）和学习率 lr，
// 以 { w: newW } 的形式返回新的权重。不要改动 w 或 grad：返回一个新矩阵。
export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  // TODO：填好 newW。
  return { w: newW };
}

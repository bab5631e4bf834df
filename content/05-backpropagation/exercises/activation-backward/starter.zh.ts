import { Matrix } from "nn";

// Sigmoid 层 A = σ(Z) 的反向传播。给定这一层的输入 Z 和上游梯度
// dA = ∂L/∂A（形状相同，每行一个样本），以新矩阵的形式返回
// dZ = ∂L/∂Z。不要修改 Z 或 dA。
export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  // TODO：逐个元素地填写 dZ。
  return dZ;
}

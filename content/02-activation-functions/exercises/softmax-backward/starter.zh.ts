import { Matrix, softmax } from "nn";

// 按行 Softmax 的反向传播：给定 logit z 和上游梯度 dP = ∂L/∂p（形状相同），
// 逐行返回 dZ = ∂L/∂z，不构造 K×K 的雅可比矩阵。不要修改 z 或 dP。
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  const dZ = new Matrix(z.rows, z.cols);
  // TODO：对每一行，dZ = p ⊙ (dP − Σ dP ⊙ p)。
  void p, dP;
  return dZ;
}

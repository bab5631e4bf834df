import { Matrix, sigmoid } from "nn";

// Sigmoid 输出 p = σ(z)，配合平均二元交叉熵
//   L = (1/N) Σᵢ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]。
// Z 存放 N 个 logit（N×1），Y 存放 0/1 标签（N×1）。
// 返回 { dZ }，即梯度 ∂L/∂Z（N×1）。
export function bceBackward(Z: Matrix, Y: Matrix) {
  const dZ = new Matrix(Z.rows, 1);
  // TODO：填写 dZ（可以使用 sigmoid.f）。
  return { dZ };
}

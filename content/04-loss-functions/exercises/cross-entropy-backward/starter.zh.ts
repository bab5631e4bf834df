import { Matrix } from "nn";

// logit Z（N×C，每行一个样本）与独热标签 Y（N×C）的
// 平均 Softmax 交叉熵为
//   L = (1/N) Σᵢ −Σⱼ Yᵢⱼ log softmax(Zᵢ)ⱼ。
// 返回 { dZ }：梯度 ∂L/∂Z，形状与 Z 相同。
export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const dZ = new Matrix(Z.rows, Z.cols);
  // TODO：填写 dZ。
  return { dZ };
}

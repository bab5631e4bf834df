import { Matrix } from "nn";

// logit Z（N×C，每行一个样本）相对于独热标签 Y（N×C）的
// 平均 Softmax 交叉熵：对各行的
//   −Σⱼ Yᵢⱼ · log softmax(Zᵢ)ⱼ
// 取平均。对 ±1000 这样的 logit，结果也必须是有限值。
export function crossEntropy(Z: Matrix, Y: Matrix): number {
  let total = 0;
  // TODO：用对数求和指数计算每一行的损失，累加到 total 上。
  return total / Z.rows;
}

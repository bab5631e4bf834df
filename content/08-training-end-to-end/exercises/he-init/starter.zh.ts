import { Matrix, type Rng } from "nn";

// 为后接 ReLU 的全连接层做 He 初始化：返回一个 fanIn × fanOut 的矩阵，
// 其中的权重相互独立、服从正态分布，均值为 0，方差要让信号的大小在层与层
// 之间保持稳定。每个元素都从 rng 中抽取。
export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const W = new Matrix(fanIn, fanOut);
  // TODO：用 rng.normal() 乘以合适的标准差，填满 W。
  return W;
}

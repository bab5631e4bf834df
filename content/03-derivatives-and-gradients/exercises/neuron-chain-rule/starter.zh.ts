import { sigmoid } from "nn";

// 一个神经元的输入为 1.5，偏置为 −0.5，目标值为 1，其平方误差为
//   L(w) = (σ(1.5w − 0.5) − 1)²。
// 返回 dL/dw，即对权重 w 的导数。
// （可以使用 sigmoid.f 和 sigmoid.df。）
export function lossPrime(w: number): number {
  // TODO：z = 1.5w − 0.5，a = σ(z)，L = (a − 1)²：
  // 把各环的局部导数相乘。
  return 0;
}

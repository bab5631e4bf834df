import { sigmoid } from "nn";

// 链条 z = 1.5w − 0.5 → a = σ(z) → L = (a − 1)²：
// 把三个局部导数相乘。
export function lossPrime(w: number): number {
  const z = 1.5 * w - 0.5;
  const a = sigmoid.f(z);
  // dL/da · da/dz · dz/dw
  return 2 * (a - 1) * sigmoid.df(z) * 1.5;
}

import { Matrix, type Rng } from "nn";

// Var(z) = fanIn · Var(w) · E[x²]，而 ReLU 让 E[x²] 减半：取 Var(w) = 2/fanIn，
// 每一层的 Var(z) 就保持不变，所以标准差是 √(2/fanIn)。
export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = Math.sqrt(2 / fanIn);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal();
  return W;
}

import { Matrix, type Rng } from "nn";

// Var(z) = fanIn · Var(w) · E[x²], and a ReLU halves E[x²]: Var(w) = 2/fanIn
// keeps Var(z) the same at every layer, so the standard deviation is √(2/fanIn).
export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = Math.sqrt(2 / fanIn);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal();
  return W;
}

// Mistake: takes |rng.normal()|, so every weight is positive and the entries no longer average 0 (expect: mismatch)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = Math.sqrt(2 / fanIn);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * Math.abs(rng.normal());
  return W;
}

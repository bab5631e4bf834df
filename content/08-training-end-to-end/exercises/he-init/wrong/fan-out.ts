// Mistake: divides by fanOut instead of fanIn, though the sum that z is runs over the fanIn inputs (expect: scaled)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = Math.sqrt(2 / fanOut);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal();
  return W;
}

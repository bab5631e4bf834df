// Mistake: uses the variance 2/fanIn as the standard deviation, so the weights are far too small (expect: scaled)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = 2 / fanIn;
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal();
  return W;
}

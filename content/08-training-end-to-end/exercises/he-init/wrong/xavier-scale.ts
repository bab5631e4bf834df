// Mistake: the LeCun/Xavier scale 1/fanIn, which ignores the half of the inputs a ReLU zeroes: the signal halves at every layer (expect: scaled)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = Math.sqrt(1 / fanIn);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal();
  return W;
}

// Mistake: draws uniformly from [−√(2/fanIn), √(2/fanIn)], whose variance is only a third of 2/fanIn (expect: scaled)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const limit = Math.sqrt(2 / fanIn);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = rng.uniform(-limit, limit);
  return W;
}

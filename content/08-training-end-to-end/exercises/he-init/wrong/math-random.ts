// Mistake: draws with Math.random (Box–Muller) instead of rng, so the same seed does not give the same weights (expect: not-reproducible)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  void rng;
  const std = Math.sqrt(2 / fanIn);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) {
    const u = 1 - Math.random(), v = Math.random();
    W.data[k] = std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return W;
}

import { Matrix, type Rng } from "nn";

// He initialisation for a dense layer feeding ReLUs: a fanIn × fanOut matrix
// of independent normal weights, mean 0, with the variance that keeps the
// signal's size steady from layer to layer. Draw every entry from rng.
export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const W = new Matrix(fanIn, fanOut);
  // TODO: fill W with rng.normal() times the right standard deviation.
  return W;
}

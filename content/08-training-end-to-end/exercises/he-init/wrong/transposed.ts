// Mistake: builds the matrix fanOut × fanIn, the shape of the layer's outputs by its inputs (expect: transposed)
import { Matrix, type Rng } from "nn";

export function heInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const std = Math.sqrt(2 / fanIn);
  const W = new Matrix(fanOut, fanIn);
  for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal();
  return W;
}

// Mistake: forms the probabilities with a plain softmax and takes their log: e^1000 overflows (expect: nan)
import { Matrix } from "nn";

export function crossEntropy(Z: Matrix, Y: Matrix): number {
  const C = Z.cols;
  let total = 0;
  for (let i = 0; i < Z.rows; i++) {
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j]);
    for (let j = 0; j < C; j++) total -= Y.data[i * C + j] * Math.log(Math.exp(Z.data[i * C + j]) / s);
  }
  return total / Z.rows;
}

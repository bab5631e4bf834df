// Mistake: returns the loss of the first row only, so only a batch of one is right (expect: mismatch)
import { Matrix } from "nn";

export function crossEntropy(Z: Matrix, Y: Matrix): number {
  const C = Z.cols;
  let m = -Infinity;
  for (let j = 0; j < C; j++) m = Math.max(m, Z.data[j]);
  let s = 0;
  for (let j = 0; j < C; j++) s += Math.exp(Z.data[j] - m);
  const lse = m + Math.log(s);
  let loss = 0;
  for (let j = 0; j < C; j++) loss += Y.data[j] * (lse - Z.data[j]);
  return loss;
}

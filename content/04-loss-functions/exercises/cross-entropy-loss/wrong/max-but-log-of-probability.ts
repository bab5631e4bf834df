// Mistake: subtracts the maximum, but still takes log of a probability that rounds to 0 when very wrong (expect: infinity)
import { Matrix } from "nn";

export function crossEntropy(Z: Matrix, Y: Matrix): number {
  const C = Z.cols;
  let total = 0;
  for (let i = 0; i < Z.rows; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j] - m);
    for (let j = 0; j < C; j++) {
      if (Y.data[i * C + j] > 0) total -= Y.data[i * C + j] * Math.log(Math.exp(Z.data[i * C + j] - m) / s);
    }
  }
  return total / Z.rows;
}

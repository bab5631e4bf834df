// Mistake: divides by the sum over the whole batch instead of each row's sum, so only a batch of 1 works (expect: mismatch)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  let sum = 0;
  for (let i = 0; i < z.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.get(i, j));
    for (let j = 0; j < z.cols; j++) {
      const e = Math.exp(z.get(i, j) - max);
      p.set(i, j, e);
      sum += e;
    }
  }
  for (let k = 0; k < p.data.length; k++) p.data[k] /= sum;
  return p;
}

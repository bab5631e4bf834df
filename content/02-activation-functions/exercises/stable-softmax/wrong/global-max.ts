// Mistake: subtracts one maximum for the whole batch, so a row far below it underflows to 0/0 = NaN (expect: nan)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const max = Math.max(...z.data);
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j) - max);
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j) - max) / sum);
  }
  return p;
}

// Mistake: forgets to divide by the row sum, returning e^(z − max) (expect: mismatch)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.get(i, j));
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j) - max));
  }
  return p;
}

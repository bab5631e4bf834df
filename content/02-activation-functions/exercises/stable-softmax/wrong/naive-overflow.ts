// Mistake: no maximum subtracted, so Math.exp(1000) is Infinity and ∞/∞ gives NaN at large inputs (expect: nan)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j));
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j)) / sum);
  }
  return p;
}

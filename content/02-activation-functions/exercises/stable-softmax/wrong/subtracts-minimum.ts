// Mistake: shifts each row by its minimum instead of its maximum, so a row spanning more than 709 still overflows (expect: nan)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let m = Infinity;
    for (let j = 0; j < z.cols; j++) m = Math.min(m, z.get(i, j));
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j) - m);
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j) - m) / sum);
  }
  return p;
}

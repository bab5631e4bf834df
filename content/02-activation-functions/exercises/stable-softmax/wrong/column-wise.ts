// Mistake: normalises each column instead of each row, mixing up which axis holds the classes (expect: mismatch)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let j = 0; j < z.cols; j++) {
    let max = -Infinity;
    for (let i = 0; i < z.rows; i++) max = Math.max(max, z.get(i, j));
    let sum = 0;
    for (let i = 0; i < z.rows; i++) sum += Math.exp(z.get(i, j) - max);
    for (let i = 0; i < z.rows; i++) p.set(i, j, Math.exp(z.get(i, j) - max) / sum);
  }
  return p;
}

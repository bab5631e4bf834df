// Mistake: subtracts the maximum from z in place, changing the caller's logits (expect: mutated-input)
import { Matrix } from "nn";

export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.get(i, j));
    for (let j = 0; j < z.cols; j++) z.set(i, j, z.get(i, j) - max);
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j));
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j)) / sum);
  }
  return p;
}

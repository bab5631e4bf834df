import { Matrix } from "nn";

// Subtracting each row's maximum changes nothing mathematically (the factor e^−m cancels) but keeps every
// exponent ≤ 0: no overflow, and the sum is at least 1 (the maximum contributes e⁰), so no 0/0 either.
export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.get(i, j));
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j) - max);
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j) - max) / sum);
  }
  return p;
}

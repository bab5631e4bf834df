import { Matrix } from "nn";

// Row-wise softmax: each row of z (one example per row) becomes probabilities that sum to 1.
// This version is correct on paper but overflows: Math.exp(1000) is Infinity, and ∞/∞ is NaN.
export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j));
    // TODO: make it stable for logits like ±1000 without changing the result.
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j)) / sum);
  }
  return p;
}

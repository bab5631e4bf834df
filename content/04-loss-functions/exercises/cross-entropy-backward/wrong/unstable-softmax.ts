// Mistake: a softmax without the row maximum subtracted: right on paper, but e^1000 overflows and ∞/∞ gives NaN (expect: nan)
import { Matrix } from "nn";

// Softmax then cross-entropy: ∂L/∂z = (p − y) / N, row by row
// (a plain softmax).
export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows, C = Z.cols;
  const dZ = new Matrix(N, C);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j]);
    for (let j = 0; j < C; j++) {
      const p = Math.exp(Z.data[i * C + j]) / s;
      dZ.data[i * C + j] = (p - Y.data[i * C + j]) / N;
    }
  }
  return { dZ };
}

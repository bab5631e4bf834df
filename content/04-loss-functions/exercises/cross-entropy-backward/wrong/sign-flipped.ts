// Mistake: y − p instead of p − y (expect: sign-flipped)
import { Matrix } from "nn";

export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows, C = Z.cols;
  const dZ = new Matrix(N, C);
  for (let i = 0; i < N; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j] - m);
    for (let j = 0; j < C; j++) {
      const p = Math.exp(Z.data[i * C + j] - m) / s;
      dZ.data[i * C + j] = (Y.data[i * C + j] - p) / N;
    }
  }
  return { dZ };
}

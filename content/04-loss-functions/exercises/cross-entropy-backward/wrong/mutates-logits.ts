// Mistake: subtracts each row's maximum from Z in place, changing the caller's logits (expect: mutated-input)
import { Matrix } from "nn";

export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows, C = Z.cols;
  const dZ = new Matrix(N, C);
  for (let i = 0; i < N; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    for (let j = 0; j < C; j++) Z.data[i * C + j] -= m;
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j]);
    for (let j = 0; j < C; j++) dZ.data[i * C + j] = (Math.exp(Z.data[i * C + j]) / s - Y.data[i * C + j]) / N;
  }
  return { dZ };
}

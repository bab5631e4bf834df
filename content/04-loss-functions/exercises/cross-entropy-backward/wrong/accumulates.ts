// Mistake: keeps one gradient buffer between calls and adds into it, so a second call doubles it (expect: accumulates)
import { Matrix } from "nn";

let buffer: Matrix | null = null;

export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows, C = Z.cols;
  if (!buffer || buffer.rows !== N || buffer.cols !== C) buffer = new Matrix(N, C);
  for (let i = 0; i < N; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j] - m);
    for (let j = 0; j < C; j++) {
      const p = Math.exp(Z.data[i * C + j] - m) / s;
      buffer.data[i * C + j] += (p - Y.data[i * C + j]) / N;
    }
  }
  return { dZ: buffer };
}

// Mistake: the log(p + ε) hack: a stable softmax, then −log(p + 1e−12), which caps a confidently wrong row's loss near 27.6 instead of 800 or more (expect: mismatch)
import { Matrix } from "nn";

export function crossEntropy(Z: Matrix, Y: Matrix): number {
  const C = Z.cols;
  let total = 0;
  for (let i = 0; i < Z.rows; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j] - m);
    for (let j = 0; j < C; j++) {
      const p = Math.exp(Z.data[i * C + j] - m) / s;
      total -= Y.data[i * C + j] * Math.log(p + 1e-12);
    }
  }
  return total / Z.rows;
}

import { Matrix } from "nn";

// −log softmax(z)_j = logsumexp(z) − z_j，
// 求指数之前先减去该行的最大值。
export function crossEntropy(Z: Matrix, Y: Matrix): number {
  const C = Z.cols;
  let total = 0;
  for (let i = 0; i < Z.rows; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(Z.data[i * C + j] - m);
    const lse = m + Math.log(s); // log Σ e^z，计算中不会上溢
    for (let j = 0; j < C; j++) {
      total += Y.data[i * C + j] * (lse - Z.data[i * C + j]);
    }
  }
  return total / Z.rows;
}

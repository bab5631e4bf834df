import { Matrix } from "nn";

// 先 Softmax 再交叉熵：逐行有 ∂L/∂z = (p − y) / N
// （计算 Softmax 时先减去该行的最大值）。
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
      dZ.data[i * C + j] = (p - Y.data[i * C + j]) / N;
    }
  }
  return { dZ };
}

// Mistake: the gradient of squared error, 2(p − y)·p(1 − p) / N, which vanishes when the sigmoid saturates (expect: mismatch)
import { Matrix, sigmoid } from "nn";

export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  for (let i = 0; i < N; i++) {
    const p = sigmoid.f(Z.data[i]);
    dZ.data[i] = (2 * (p - Y.data[i]) * p * (1 - p)) / N;
  }
  return { dZ };
}

import { Matrix, sigmoid } from "nn";

// ∂ℓ/∂z = ∂ℓ/∂p · σ′(z) = (p − y) / (p(1 − p)) · p(1 − p) = p − y；
// 对 N 行取平均，还要再除以 N。
export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  for (let i = 0; i < N; i++) {
    const p = sigmoid.f(Z.data[i]);
    dZ.data[i] = (p - Y.data[i]) / N;
  }
  return { dZ };
}

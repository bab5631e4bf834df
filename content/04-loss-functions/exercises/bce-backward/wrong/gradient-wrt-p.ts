// Mistake: stops at ∂ℓ/∂p = (p − y) / (p(1 − p)) and forgets the sigmoid link (expect: mismatch)
import { Matrix, sigmoid } from "nn";

export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  for (let i = 0; i < N; i++) {
    const p = sigmoid.f(Z.data[i]);
    dZ.data[i] = (p - Y.data[i]) / (p * (1 - p)) / N;
  }
  return { dZ };
}

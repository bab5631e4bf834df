// Mistake: y − p instead of p − y (expect: sign-flipped)
import { Matrix, sigmoid } from "nn";

export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  for (let i = 0; i < N; i++) {
    const p = sigmoid.f(Z.data[i]);
    dZ.data[i] = (Y.data[i] - p) / N;
  }
  return { dZ };
}

// Mistake: uses the first example's logit for every row, so only a batch of one is right (expect: mismatch)
import { Matrix, sigmoid } from "nn";

export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  const p = sigmoid.f(Z.data[0]);
  for (let i = 0; i < N; i++) dZ.data[i] = (p - Y.data[i]) / N;
  return { dZ };
}

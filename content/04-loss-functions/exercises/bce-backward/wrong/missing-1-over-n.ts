// Mistake: p − y without the 1/N of the mean (expect: missing-1/N)
import { Matrix, sigmoid } from "nn";

export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  for (let i = 0; i < N; i++) {
    const p = sigmoid.f(Z.data[i]);
    dZ.data[i] = p - Y.data[i];
  }
  return { dZ };
}

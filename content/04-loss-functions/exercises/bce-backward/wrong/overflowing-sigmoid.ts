// Mistake: σ(z) written as e^z / (1 + e^z): right on paper, but e^z overflows past z = 709 and ∞/∞ gives NaN (expect: nan)
import { Matrix } from "nn";

export function bceBackward(Z: Matrix, Y: Matrix) {
  const N = Z.rows;
  const dZ = new Matrix(N, 1);
  for (let i = 0; i < N; i++) {
    const e = Math.exp(Z.data[i]);
    dZ.data[i] = (e / (1 + e) - Y.data[i]) / N;
  }
  return { dZ };
}

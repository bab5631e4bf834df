// Mistake: σ(σ − 1) instead of σ(1 − σ), so the sign is flipped (expect: sign-flipped)
import { Matrix } from "nn";

export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  for (let k = 0; k < Z.data.length; k++) {
    const s = 1 / (1 + Math.exp(-Z.data[k]));
    dZ.data[k] = dA.data[k] * s * (s - 1);
  }
  return dZ;
}

// Mistake: returns σ′(Z) alone and forgets to multiply by the upstream gradient dA (expect: forgot-upstream)
import { Matrix } from "nn";

export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  for (let k = 0; k < Z.data.length; k++) {
    const s = 1 / (1 + Math.exp(-Z.data[k]));
    dZ.data[k] = s * (1 - s);
  }
  return dZ;
}

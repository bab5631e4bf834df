import { Matrix } from "nn";

// Element-wise chain rule: dZ = dA ⊙ σ′(Z), where σ′(z) = σ(z)(1 − σ(z)) is
// computed from the input Z.
export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  for (let k = 0; k < Z.data.length; k++) {
    const s = 1 / (1 + Math.exp(-Z.data[k]));
    dZ.data[k] = dA.data[k] * s * (1 - s);
  }
  return dZ;
}

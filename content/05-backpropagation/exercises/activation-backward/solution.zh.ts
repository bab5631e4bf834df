import { Matrix } from "nn";

// 逐元素的链式法则：dZ = dA ⊙ σ′(Z)，其中 σ′(z) = σ(z)(1 − σ(z))
// 由输入 Z 算出。
export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  for (let k = 0; k < Z.data.length; k++) {
    const s = 1 / (1 + Math.exp(-Z.data[k]));
    dZ.data[k] = dA.data[k] * s * (1 - s);
  }
  return dZ;
}

// Mistake: applies the output form a(1 − a) to the input Z itself, the classic mix-up (expect: mismatch)
import { Matrix } from "nn";

export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  for (let k = 0; k < Z.data.length; k++) dZ.data[k] = dA.data[k] * Z.data[k] * (1 - Z.data[k]);
  return dZ;
}

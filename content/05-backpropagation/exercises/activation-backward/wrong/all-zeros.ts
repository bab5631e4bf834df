// Mistake: returns a zero gradient, the placeholder left in (expect: zeros)
import { Matrix } from "nn";

export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  return new Matrix(Z.rows, Z.cols);
}

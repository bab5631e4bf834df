// Mistake: the sign is flipped, −dOut where x > 0 (expect: sign-flipped)
import { Matrix } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) dX.data[k] = x.data[k] > 0 ? -dOut.data[k] : 0;
  return dX;
}

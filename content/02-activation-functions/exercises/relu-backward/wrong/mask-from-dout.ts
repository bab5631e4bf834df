// Mistake: gates on the sign of dOut instead of the sign of the input x (expect: mismatch)
import { Matrix } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) dX.data[k] = dOut.data[k] > 0 ? dOut.data[k] : 0;
  return dX;
}

// Mistake: loops over the columns of the first row only, so it works for a batch of 1 and not for more (expect: mismatch)
import { Matrix } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  for (let j = 0; j < x.cols; j++) dX.data[j] = x.data[j] > 0 ? dOut.data[j] : 0;
  return dX;
}

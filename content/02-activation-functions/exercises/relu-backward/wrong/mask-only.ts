// Mistake: returns relu′(x) alone and forgets to multiply by the upstream gradient dOut (expect: forgot-upstream)
import { Matrix } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(dOut.rows, dOut.cols);
  for (let k = 0; k < x.data.length; k++) dX.data[k] = x.data[k] > 0 ? 1 : 0;
  return dX;
}

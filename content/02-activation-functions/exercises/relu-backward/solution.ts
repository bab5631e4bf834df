import { Matrix } from "nn";

// relu′(x) is 1 for x > 0 and 0 otherwise, so the gradient flows through exactly where the input was positive.
export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) dX.data[k] = x.data[k] > 0 ? dOut.data[k] : 0;
  return dX;
}

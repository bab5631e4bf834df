// Mistake: returns the gradient transposed, cols × rows instead of the shape of x (expect: transposed)
import { Matrix, transpose } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) dX.data[k] = x.data[k] > 0 ? dOut.data[k] : 0;
  return transpose(dX);
}

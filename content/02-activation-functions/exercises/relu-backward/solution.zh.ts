import { Matrix } from "nn";

// x > 0 时 relu′(x) 为 1，否则为 0，所以梯度恰好在输入为正的位置通过。
export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) dX.data[k] = x.data[k] > 0 ? dOut.data[k] : 0;
  return dX;
}

import { Matrix } from "nn";

// Backward through relu: given the layer's input x and the upstream gradient dOut (same shape,
// one example per row), return dX = ∂L/∂x. Do not change x or dOut.
export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  const dX = new Matrix(x.rows, x.cols);
  // TODO: fill dX element by element.
  return dX;
}

// Mistake: returns zero gradients, the placeholder left in (expect: zeros)
import { Matrix } from "nn";

export function twoLayerBackward(x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  void x; void y;
  return {
    dW1: new Matrix(W1.rows, W1.cols),
    db1: new Matrix(b1.rows, b1.cols),
    dW2: new Matrix(W2.rows, W2.cols),
    db2: new Matrix(b2.rows, b2.cols),
  };
}

import { Matrix } from "nn";

// One step of gradient descent. Given the weights w, their gradient grad
// (same shape) and the learning rate lr, return the new weights as
// { w: newW }. Do not change w or grad: return a new matrix.
export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  // TODO: fill newW.
  return { w: newW };
}

import { Matrix } from "nn";

// One optimiser step. Given the weights w, their gradient grad, the velocity v from the previous step
// (zeros at first), the learning rate lr and the momentum mu, return the new weights and velocity.
// Do not change w, grad or v: return new matrices.
export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newV = new Matrix(v.rows, v.cols);
  for (let k = 0; k < w.data.length; k++) {
    // TODO: this is plain SGD. Keep a velocity: v ← mu·v + grad, then step along it.
    void mu;
    newW.data[k] = w.data[k] - lr * grad.data[k];
  }
  return { w: newW, v: newV };
}

import { Matrix } from "nn";

// One Adam step. The inputs: the weights w and their gradient grad; the
// running averages m (of the gradient) and v (of the squared gradient);
// t, the number of steps taken so far (a matrix of w's shape with the same
// count in every element, zeros on the first call); the learning rate lr,
// the decay rates beta1 and beta2, and the small constant eps.
// Return the new w, m, v and t as new matrices; do not change the inputs.
export function adamStep(
  w: Matrix, grad: Matrix, m: Matrix, v: Matrix, t: Matrix,
  lr: number, beta1: number, beta2: number, eps: number,
): { w: Matrix; m: Matrix; v: Matrix; t: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newM = new Matrix(w.rows, w.cols);
  const newV = new Matrix(w.rows, w.cols);
  const newT = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    const g = grad.data[k];
    // TODO: this is plain SGD. Update m and v, correct their bias with the
    // number of this step, and step along m̂ / (√v̂ + eps).
    void beta1; void beta2; void eps;
    newW.data[k] = w.data[k] - lr * g;
    newT.data[k] = t.data[k] + 1;
  }
  return { w: newW, m: newM, v: newV, t: newT };
}

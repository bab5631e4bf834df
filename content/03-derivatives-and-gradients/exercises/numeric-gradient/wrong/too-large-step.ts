// Mistake: a step of h = 1e-2, so the curvature's h² error is far above rounding (expect: mismatch)
import { Matrix } from "nn";

export function numericGradient(f: (x: Matrix) => number, x: Matrix): Matrix {
  const h = 1e-2;
  const grad = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k];
    x.data[k] = v + h;
    const fp = f(x);
    x.data[k] = v - h;
    const fm = f(x);
    x.data[k] = v;
    grad.data[k] = (fp - fm) / (2 * h);
  }
  return grad;
}

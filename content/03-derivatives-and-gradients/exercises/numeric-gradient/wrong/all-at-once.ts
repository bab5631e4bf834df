// Mistake: moves every element of x by ±h at once, which gives the sum of all partial derivatives in every element (expect: mismatch)
import { Matrix } from "nn";

export function numericGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  const plus = x.clone(), minus = x.clone();
  for (let k = 0; k < x.data.length; k++) {
    plus.data[k] += h;
    minus.data[k] -= h;
  }
  const slope = (f(plus) - f(minus)) / (2 * h);
  grad.data.fill(slope);
  return grad;
}

// Mistake: leaves each element at v − h instead of putting the original value back (expect: mutated-input)
import { Matrix } from "nn";

export function numericGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k];
    x.data[k] = v + h;
    const fp = f(x);
    x.data[k] = v - h;
    const fm = f(x);
    grad.data[k] = (fp - fm) / (2 * h);
  }
  return grad;
}

// Try your numericGradient on a test function (the grader calls numericGradient itself).
export function gradientOfTestFunction(x: Matrix): Matrix {
  return numericGradient(testFunction, x);
}

function testFunction(x: Matrix): number {
  let s = 0, total = 0;
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k];
    s += v * Math.sin(k + 1 + v);
    total += v;
  }
  return s + 0.5 * total * total;
}

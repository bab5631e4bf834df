// Mistake: a step of 1e-13, so round-off swamps the difference quotient (expect: mismatch)
import { Matrix } from "nn";

export function numericGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  const tiny = 1e-13;
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k];
    x.data[k] = v + tiny;
    const fp = f(x);
    x.data[k] = v - tiny;
    const fm = f(x);
    x.data[k] = v;
    grad.data[k] = (fp - fm) / (2 * tiny);
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

// Mistake: returns the zero matrix, the placeholder left in (expect: zeros)
import { Matrix } from "nn";

export function numericGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
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

import { Matrix } from "nn";

// The gradient of any scalar function f of a matrix x, by central
// differences with step h: element k is
//   (f(x with x[k] + h) − f(x with x[k] − h)) / 2h.
// You may change x while you work, but put every element back exactly
// as it was before you return.
export function numericGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  // TODO: fill grad, one element at a time.
  return grad;
}

// Try your numericGradient on a test function (the grader calls
// numericGradient itself, with test functions of its own).
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

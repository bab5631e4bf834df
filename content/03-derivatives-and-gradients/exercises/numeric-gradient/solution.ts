import { Matrix } from "nn";

// Central differences: move one element by ±h, evaluate f twice, restore
// the element. The error is O(h²) for smooth f, so h = 1e-5 gives about
// 10 correct digits in double precision.
export function numericGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k];
    x.data[k] = v + h;
    const fp = f(x);
    x.data[k] = v - h;
    const fm = f(x);
    x.data[k] = v; // restore exactly
    grad.data[k] = (fp - fm) / (2 * h);
  }
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

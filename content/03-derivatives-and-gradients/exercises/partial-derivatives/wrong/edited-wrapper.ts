// Mistake: leaves dfdx unfinished and edits partialsAt to fill in central differences instead; the grader applies dfdx itself (expect: mismatch)
import { Matrix } from "nn";

export function dfdx(x: number, y: number): number {
  return 2 * x * y;
}

export function dfdy(x: number, y: number): number {
  return x * x + x * Math.cos(x * y);
}

export function partialsAt(x: Matrix, y: Matrix) {
  const f = (a: number, b: number) => a * a * b + Math.sin(a * b);
  const h = 1e-5;
  const gx = new Matrix(x.rows, 1), gy = new Matrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    const a = x.data[i], b = y.data[i];
    gx.data[i] = (f(a + h, b) - f(a - h, b)) / (2 * h);
    gy.data[i] = dfdy(a, b);
  }
  return { dfdx: gx, dfdy: gy };
}

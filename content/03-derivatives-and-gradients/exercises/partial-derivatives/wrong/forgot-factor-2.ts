// Mistake: differentiates x²·y as x·y, forgetting the power rule's factor 2 (expect: mismatch)
import { Matrix } from "nn";

export function dfdx(x: number, y: number): number {
  return x * y + y * Math.cos(x * y);
}

export function dfdy(x: number, y: number): number {
  return x * x + x * Math.cos(x * y);
}

export function partialsAt(x: Matrix, y: Matrix) {
  const gx = new Matrix(x.rows, 1), gy = new Matrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    gx.data[i] = dfdx(x.data[i], y.data[i]);
    gy.data[i] = dfdy(x.data[i], y.data[i]);
  }
  return { dfdx: gx, dfdy: gy };
}

import { Matrix } from "nn";

// f(x, y) = x²·y + sin(x·y). Hold one variable fixed and differentiate
// the other; sin(x·y) needs the chain rule.
export function dfdx(x: number, y: number): number {
  return 2 * x * y + y * Math.cos(x * y); // d(x²y)/dx + chain rule on sin(xy)
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

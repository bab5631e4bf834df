import { Matrix } from "nn";

// f(x, y) = x²·y + sin(x·y)。固定一个变量，对另一个变量求导；
// sin(x·y) 需要用到链式法则。
export function dfdx(x: number, y: number): number {
  return 2 * x * y + y * Math.cos(x * y); // d(x²y)/dx，加上对 sin(xy) 用链式法则的结果
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

import { Matrix } from "nn";

// f(x, y) = x²·y + sin(x·y)。写出它的两个偏导数。
export function dfdx(x: number, y: number): number {
  // TODO：∂f/∂x，固定 y。
  return 0;
}

export function dfdy(x: number, y: number): number {
  // TODO：∂f/∂y，固定 x。
  return 0;
}

// 评分程序会用一列点 (xᵢ, yᵢ) 调用这个函数。请保持原样。
export function partialsAt(x: Matrix, y: Matrix) {
  const gx = new Matrix(x.rows, 1), gy = new Matrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    gx.data[i] = dfdx(x.data[i], y.data[i]);
    gy.data[i] = dfdy(x.data[i], y.data[i]);
  }
  return { dfdx: gx, dfdy: gy };
}

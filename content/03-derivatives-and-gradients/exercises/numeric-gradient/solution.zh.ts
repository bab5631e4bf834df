import { Matrix } from "nn";

// 中心差分：把一个元素移动 ±h，计算两次 f，再把该元素复原。
// 对光滑的 f，误差为 O(h²)，所以在双精度下取 h = 1e-5
// 大约能得到 10 位正确数字。
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
    x.data[k] = v; // 原样复原
    grad.data[k] = (fp - fm) / (2 * h);
  }
  return grad;
}

// 在一个测试函数上试试你的 numericGradient（评分程序会直接调用
// numericGradient，并使用它自己的测试函数）。
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

import { Matrix } from "nn";

// 用步长为 h 的中心差分计算矩阵 x 的任意标量函数 f 的梯度：
// 第 k 个元素是
//   (f(x[k] 加上 h 后的 x) − f(x[k] 减去 h 后的 x)) / 2h。
// 计算过程中可以改动 x，但返回之前必须把每个元素
// 原样复原。
export function numericGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  // TODO：逐个元素地填写 grad。
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

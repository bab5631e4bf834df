import { Matrix } from "nn";

// 元素 (i, j) 是样本 i 对神经元 j 的加权和：X 的第 i 行乘以 W 的第 j 列，再加上 b[j]。
export function denseForward(X: Matrix, W: Matrix, b: Matrix): Matrix {
  const Z = new Matrix(X.rows, W.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < W.cols; j++) {
      let s = b.get(0, j);
      for (let k = 0; k < X.cols; k++) s += X.get(i, k) * W.get(k, j);
      Z.set(i, j, s);
    }
  }
  return Z;
}

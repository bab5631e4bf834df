import { Matrix } from "nn";

// 减去每一行的最大值在数学上不改变任何东西（因子 e^−m 会约掉），却让每个指数都 ≤ 0：
// 不会溢出，而且分母至少为 1（最大值贡献 e⁰），所以也不会出现 0/0。
export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.get(i, j));
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j) - max);
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j) - max) / sum);
  }
  return p;
}

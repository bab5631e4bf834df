import { Matrix } from "nn";

// 按行 Softmax：z 的每一行（每行一个样本）变成一组和为 1 的概率。
// 这个版本在纸面上是对的，却会溢出：Math.exp(1000) 是 Infinity，而 ∞/∞ 是 NaN。
export function stableSoftmax(z: Matrix): Matrix {
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.get(i, j));
    // TODO：在不改变结果的前提下，让它对 ±1000 这样的 logit 也保持稳定。
    for (let j = 0; j < z.cols; j++) p.set(i, j, Math.exp(z.get(i, j)) / sum);
  }
  return p;
}

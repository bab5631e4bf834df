import { Matrix } from "nn";

// Adam 的一步。输入：权重 w 及其梯度 grad；滑动平均 m（梯度的平均）和
// v（梯度平方的平均）；t，到目前为止已经走过的步数（与 w 形状相同的矩阵，
// 每个元素都是同一个计数，第一次调用时全为零）；学习率 lr，
// 衰减率 beta1 和 beta2，以及一个很小的常数 eps。
// 以新矩阵的形式返回新的 w、m、v 和 t；不要修改输入。
export function adamStep(
  w: Matrix, grad: Matrix, m: Matrix, v: Matrix, t: Matrix,
  lr: number, beta1: number, beta2: number, eps: number,
): { w: Matrix; m: Matrix; v: Matrix; t: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newM = new Matrix(w.rows, w.cols);
  const newV = new Matrix(w.rows, w.cols);
  const newT = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    const g = grad.data[k];
    // TODO：这是朴素的 SGD。更新 m 和 v，用这一步的序号修正它们的偏差，
    // 再沿着 m̂ / (√v̂ + eps) 走一步。
    void beta1; void beta2; void eps;
    newW.data[k] = w.data[k] - lr * g;
    newT.data[k] = t.data[k] + 1;
  }
  return { w: newW, m: newM, v: newV, t: newT };
}

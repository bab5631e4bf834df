import { Matrix } from "nn";

// Adam：对梯度（m）及其平方（v）取滑动平均，除以 1 − βᵗ 以消除它们从零起步
// 带来的偏差，再让每个权重移动 lr·m̂ / (√v̂ + eps)。
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
    const step = t.data[k] + 1; // 这一步的序号：第一次调用时为 1
    newM.data[k] = beta1 * m.data[k] + (1 - beta1) * g;
    newV.data[k] = beta2 * v.data[k] + (1 - beta2) * g * g;
    const mHat = newM.data[k] / (1 - beta1 ** step);
    const vHat = newV.data[k] / (1 - beta2 ** step);
    newW.data[k] = w.data[k] - (lr * mHat) / (Math.sqrt(vHat) + eps);
    newT.data[k] = step;
  }
  return { w: newW, m: newM, v: newV, t: newT };
}

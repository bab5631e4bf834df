import { Matrix } from "nn";

// θ ← θ − α∇J(θ)，逐元素计算：朝梯度的反方向迈一步。
export function sgdStep(w: Matrix, grad: Matrix, lr: number): { w: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  for (let k = 0; k < w.data.length; k++) {
    newW.data[k] = w.data[k] - lr * grad.data[k];
  }
  return { w: newW };
}

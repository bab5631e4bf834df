import { Matrix } from "nn";

// 重球法：速度记住过去的梯度（v ← μv + g），w 沿着速度移动（w ← w − lr·v）。
export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newV = new Matrix(v.rows, v.cols);
  for (let k = 0; k < w.data.length; k++) {
    newV.data[k] = mu * v.data[k] + grad.data[k];
    newW.data[k] = w.data[k] - lr * newV.data[k];
  }
  return { w: newW, v: newV };
}

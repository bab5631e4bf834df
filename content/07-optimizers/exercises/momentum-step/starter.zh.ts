import { Matrix } from "nn";

// 优化器的一步。给定权重 w、它的梯度 grad、上一步的速度 v（起初全为零）、
// 学习率 lr 和动量系数 mu，返回新的权重和速度。
// 不要修改 w、grad 或 v：返回新的矩阵。
export function momentumStep(w: Matrix, grad: Matrix, v: Matrix, lr: number, mu: number): { w: Matrix; v: Matrix } {
  const newW = new Matrix(w.rows, w.cols);
  const newV = new Matrix(v.rows, v.cols);
  for (let k = 0; k < w.data.length; k++) {
    // TODO：这是朴素的 SGD。加上一个速度：v ← mu·v + grad，再沿着它走一步。
    void mu;
    newW.data[k] = w.data[k] - lr * grad.data[k];
  }
  return { w: newW, v: newV };
}

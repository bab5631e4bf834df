import { Matrix, softmax } from "nn";

// J = diag(p) − ppᵀ，所以 Jᵀ·dP = p ⊙ dP − p (p · dP)：每行只需一次点积，
// 工作量是 O(K)，而不是雅可比矩阵的 O(K²)。
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  const dZ = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let s = 0;
    for (let j = 0; j < z.cols; j++) s += dP.get(i, j) * p.get(i, j);
    for (let j = 0; j < z.cols; j++) dZ.set(i, j, p.get(i, j) * (dP.get(i, j) - s));
  }
  return dZ;
}

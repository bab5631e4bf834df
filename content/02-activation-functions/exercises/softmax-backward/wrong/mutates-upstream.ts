// Mistake: subtracts the row sum from dP in place and multiplies it by p, changing the caller's gradient (expect: mutated-input)
import { Matrix, softmax } from "nn";

// J = diag(p) − ppᵀ, so Jᵀ·dP = p ⊙ dP − p (p · dP): one dot product per
// row, O(K) work instead of the Jacobian's O(K²).
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  for (let i = 0; i < z.rows; i++) {
    let s = 0;
    for (let j = 0; j < z.cols; j++) s += dP.get(i, j) * p.get(i, j);
    for (let j = 0; j < z.cols; j++) dP.set(i, j, p.get(i, j) * (dP.get(i, j) - s));
  }
  return dP;
}

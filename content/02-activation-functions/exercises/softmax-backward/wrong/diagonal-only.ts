// Mistake: keeps only the Jacobian's diagonal p(1 − p), dropping the −pᵢpⱼ terms by which every probability depends on every logit (expect: mismatch)
import { Matrix, softmax } from "nn";

// J = diag(p) − ppᵀ, so Jᵀ·dP = p ⊙ dP − p (p · dP): one dot product per
// row, O(K) work instead of the Jacobian's O(K²).
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  const dZ = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < z.cols; j++) dZ.set(i, j, p.get(i, j) * (1 - p.get(i, j)) * dP.get(i, j));
  }
  return dZ;
}

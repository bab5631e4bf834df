// Mistake: returns p ⊙ dP and forgets to subtract the row's Σ dP ⊙ p (expect: mismatch)
import { Matrix, softmax } from "nn";

// J = diag(p) − ppᵀ, so Jᵀ·dP = p ⊙ dP − p (p · dP): one dot product per
// row, O(K) work instead of the Jacobian's O(K²).
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  const dZ = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < z.cols; j++) dZ.set(i, j, p.get(i, j) * dP.get(i, j));
  }
  return dZ;
}

// Mistake: one sum Σ dP ⊙ p over the whole batch instead of one per row, so only a batch of one is right (expect: mismatch)
import { Matrix, softmax } from "nn";

// J = diag(p) − ppᵀ, so Jᵀ·dP = p ⊙ dP − p (p · dP): one dot product per
// row, O(K) work instead of the Jacobian's O(K²).
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  const dZ = new Matrix(z.rows, z.cols);
  let s = 0;
  for (let k = 0; k < z.data.length; k++) s += dP.data[k] * p.data[k];
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < z.cols; j++) dZ.set(i, j, p.get(i, j) * (dP.get(i, j) - s));
  }
  return dZ;
}

import { Matrix, softmax } from "nn";

// The backward pass of a row-wise softmax: given the logits z and the
// upstream gradient dP = ∂L/∂p (same shape), return dZ = ∂L/∂z, row by row,
// without building the K×K Jacobian. Do not change z or dP.
export function softmaxBackward(z: Matrix, dP: Matrix): Matrix {
  const p = softmax(z);
  const dZ = new Matrix(z.rows, z.cols);
  // TODO: for each row, dZ = p ⊙ (dP − Σ dP ⊙ p).
  void p, dP;
  return dZ;
}

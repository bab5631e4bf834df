import { Matrix } from "nn";

// The mean softmax cross-entropy of logits Z (N×C, one example per row)
// and one-hot labels Y (N×C) is
//   L = (1/N) Σᵢ −Σⱼ Yᵢⱼ log softmax(Zᵢ)ⱼ.
// Return { dZ }: the gradient ∂L/∂Z, of Z's shape.
export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const dZ = new Matrix(Z.rows, Z.cols);
  // TODO: fill dZ.
  return { dZ };
}

import { Matrix } from "nn";

// The gradient of the mean softmax cross-entropy L = (1/N) Σᵢ −Σⱼ Yᵢⱼ log softmax(Zᵢ)ⱼ with respect to
// the logits Z (N×C, one example per row; Y holds one-hot labels). Return { dZ } with dZ of Z's shape.
export function crossEntropyBackward(Z: Matrix, Y: Matrix) {
  const dZ = new Matrix(Z.rows, Z.cols);
  // TODO: fill dZ.
  return { dZ };
}

import { Matrix, sigmoid } from "nn";

// A sigmoid output p = σ(z) with the mean binary cross-entropy
//   L = (1/N) Σᵢ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)].
// Z holds the N logits (N×1) and Y the 0/1 labels (N×1).
// Return { dZ }, the gradient ∂L/∂Z (N×1).
export function bceBackward(Z: Matrix, Y: Matrix) {
  const dZ = new Matrix(Z.rows, 1);
  // TODO: fill dZ (sigmoid.f is available).
  return { dZ };
}

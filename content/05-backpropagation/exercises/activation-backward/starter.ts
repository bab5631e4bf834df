import { Matrix } from "nn";

// Backward through a sigmoid layer A = σ(Z). Given the layer's input Z and
// the upstream gradient dA = ∂L/∂A (same shape, one example per row),
// return dZ = ∂L/∂Z as a new matrix. Do not change Z or dA.
export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  const dZ = new Matrix(Z.rows, Z.cols);
  // TODO: fill dZ element by element.
  return dZ;
}

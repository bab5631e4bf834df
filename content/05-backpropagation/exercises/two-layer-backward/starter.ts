import { Matrix, addRowVector, map, matmul, softmax } from "nn";

// A two-layer network on a batch x (one example per row), one-hot labels y:
//   z1 = x·W1 + b1,  a1 = tanh(z1),  z2 = a1·W2 + b2,  p = softmax(z2),
//   L = mean over the batch of −Σ y·log p.
// Return the gradient of L with respect to each parameter (each one the
// shape of its parameter).
export function twoLayerBackward(
  x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  // Forward pass, keeping what the backward pass needs.
  const a1 = map(addRowVector(matmul(x, W1), b1), Math.tanh);
  const p = softmax(addRowVector(matmul(a1, W2), b2));

  // TODO: backward pass, from the loss down to W1.
  void p; void y;
  const dW2 = new Matrix(W2.rows, W2.cols);
  const db2 = new Matrix(b2.rows, b2.cols);
  const dW1 = new Matrix(W1.rows, W1.cols);
  const db1 = new Matrix(b1.rows, b1.cols);
  return { dW1, db1, dW2, db2 };
}

import {
  Matrix, add, addRowVector, map, matmul, matmulTransA, matmulTransB,
  mul, scale, softmax, sub, sumColumns,
} from "nn";

const LAMBDA = 0.01; // weight decay on W1 and W2 (not on the biases)

// H = relu(X·W1 + b1), Z = H·W2 + b2, and the loss is the mean cross-entropy
// of softmax(Z) against the one-hot Y, plus (LAMBDA / 2)·(‖W1‖² + ‖W2‖²).
// Return the gradient of the loss with respect to each parameter.
export function decayBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A = addRowVector(matmul(X, W1), b1);
  const H = map(A, (a) => Math.max(a, 0));
  const P = softmax(addRowVector(matmul(H, W2), b2));
  // TODO: backpropagate from dZ = (P − Y) / N, and add the weight-decay terms.
  void [add, matmulTransA, matmulTransB, mul, scale, sub, sumColumns, P, LAMBDA];
  return {
    dW1: new Matrix(W1.rows, W1.cols), db1: new Matrix(1, b1.cols),
    dW2: new Matrix(W2.rows, W2.cols), db2: new Matrix(1, b2.cols),
  };
}

import { Matrix, addRowVector, map, matmul } from "nn";
import { matmulTransA, matmulTransB, scale, sub } from "nn";

// The broken network of chapter 5, now with biases:
//   A1 = σ(X·W1 + b1),  A2 = σ(A1·W2 + b2),
//   L = (1/N) Σ (A2 − Y)² over the N rows of the batch (one output each).
// The backward pass below is the numpy code's, written as a gradient of L:
// neither layer applies the sigmoid's derivative. Fix it, and give the biases
// their gradients: return { dW1, db1, dW2, db2 }, each the shape of its parameter.
const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function fixedBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A1 = map(addRowVector(matmul(X, W1), b1), sig);
  const A2 = map(addRowVector(matmul(A1, W2), b2), sig);
  const error = scale(sub(A2, Y), 2 / Y.rows);      // dL/dA2
  const dW2 = matmulTransA(A1, error);              // TODO: needs dL/dZ2
  const hiddenError = matmulTransB(error, W2);
  const dW1 = matmulTransA(X, hiddenError);         // TODO: needs dL/dZ1
  // TODO: the biases' gradients.
  const db1 = new Matrix(b1.rows, b1.cols);
  const db2 = new Matrix(b2.rows, b2.cols);
  return { dW1, db1, dW2, db2 };
}

// Mistake: the numpy code's bug kept: biases added, but neither layer applies σ′ (expect: mismatch)
import { Matrix, addRowVector, map, matmul, matmulTransA, matmulTransB, scale, sub, sumColumns } from "nn";

const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function fixedBackward(X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const A1 = map(addRowVector(matmul(X, W1), b1), sig);
  const A2 = map(addRowVector(matmul(A1, W2), b2), sig);
  const error = scale(sub(A2, Y), 2 / Y.rows);
  const hiddenError = matmulTransB(error, W2);
  return { dW1: matmulTransA(X, hiddenError), db1: sumColumns(hiddenError), dW2: matmulTransA(A1, error), db2: sumColumns(error) };
}

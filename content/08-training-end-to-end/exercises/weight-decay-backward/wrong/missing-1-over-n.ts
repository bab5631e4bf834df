// Mistake: forgets that the cross-entropy is a mean, dropping the 1/N from dZ (expect: mismatch)
import { Matrix, add, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, softmax, sub, sumColumns } from "nn";

const LAMBDA = 0.01;

export function decayBackward(X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const A = addRowVector(matmul(X, W1), b1);
  const H = map(A, (a) => Math.max(a, 0));
  const P = softmax(addRowVector(matmul(H, W2), b2));
  const dZ = sub(P, Y);
  const dA = mul(matmulTransB(dZ, W2), map(A, (a) => (a > 0 ? 1 : 0)));
  return {
    dW1: add(matmulTransA(X, dA), scale(W1, LAMBDA)), db1: sumColumns(dA),
    dW2: add(matmulTransA(H, dZ), scale(W2, LAMBDA)), db2: sumColumns(dZ),
  };
}

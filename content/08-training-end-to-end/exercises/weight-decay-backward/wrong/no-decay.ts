// Mistake: leaves out the weight-decay terms, so dW1 and dW2 miss λ·W (expect: mismatch)
import { Matrix, add, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, softmax, sub, sumColumns } from "nn";

const LAMBDA = 0.01;

export function decayBackward(X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const A = addRowVector(matmul(X, W1), b1);
  const H = map(A, (a) => Math.max(a, 0));
  const P = softmax(addRowVector(matmul(H, W2), b2));
  void LAMBDA; void add;
  const dZ = scale(sub(P, Y), 1 / X.rows);
  const dA = mul(matmulTransB(dZ, W2), map(A, (a) => (a > 0 ? 1 : 0)));
  return { dW1: matmulTransA(X, dA), db1: sumColumns(dA), dW2: matmulTransA(H, dZ), db2: sumColumns(dZ) };
}

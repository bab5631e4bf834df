// Mistake: applies the output form a(1 − a) to the pre-activations Z instead of the outputs A (expect: mismatch)
import { Matrix, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, sub, sumColumns } from "nn";

const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function fixedBackward(X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const Z1 = addRowVector(matmul(X, W1), b1);
  const A1 = map(Z1, sig);
  const Z2 = addRowVector(matmul(A1, W2), b2);
  const A2 = map(Z2, sig);
  const delta2 = mul(scale(sub(A2, Y), 2 / Y.rows), map(Z2, (z) => z * (1 - z)));
  const delta1 = mul(matmulTransB(delta2, W2), map(Z1, (z) => z * (1 - z)));
  return { dW1: matmulTransA(X, delta1), db1: sumColumns(delta1), dW2: matmulTransA(A1, delta2), db2: sumColumns(delta2) };
}

// Mistake: starts from the tutorial's Y − A2 instead of A2 − Y, so every gradient points uphill (expect: sign-flipped)
import { Matrix, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, sub, sumColumns } from "nn";

const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function fixedBackward(X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const A1 = map(addRowVector(matmul(X, W1), b1), sig);
  const A2 = map(addRowVector(matmul(A1, W2), b2), sig);
  const delta2 = mul(scale(sub(Y, A2), 2 / Y.rows), map(A2, (a) => a * (1 - a)));
  const delta1 = mul(matmulTransB(delta2, W2), map(A1, (a) => a * (1 - a)));
  return { dW1: matmulTransA(X, delta1), db1: sumColumns(delta1), dW2: matmulTransA(A1, delta2), db2: sumColumns(delta2) };
}

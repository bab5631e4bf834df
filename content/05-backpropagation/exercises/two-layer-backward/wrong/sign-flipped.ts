// Mistake: starts from y − p instead of p − y, so every gradient has the wrong sign (expect: sign-flipped)
import { Matrix, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, softmax, sub, sumColumns } from "nn";

export function twoLayerBackward(x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const N = x.rows;
  const a1 = map(addRowVector(matmul(x, W1), b1), Math.tanh);
  const p = softmax(addRowVector(matmul(a1, W2), b2));
  const dZ2 = scale(sub(y, p), 1 / N);
  const dW2 = matmulTransA(a1, dZ2);
  const db2 = sumColumns(dZ2);
  const dZ1 = mul(matmulTransB(dZ2, W2), map(a1, (a) => 1 - a * a));
  return { dW1: matmulTransA(x, dZ1), db1: sumColumns(dZ1), dW2, db2 };
}

// Mistake: applies tanh′ as 1 − z1² to the pre-activation instead of 1 − a1² to the output (expect: mismatch)
import { Matrix, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, softmax, sub, sumColumns } from "nn";

export function twoLayerBackward(x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  const N = x.rows;
  const z1 = addRowVector(matmul(x, W1), b1);
  const a1 = map(z1, Math.tanh);
  const p = softmax(addRowVector(matmul(a1, W2), b2));
  const dZ2 = scale(sub(p, y), 1 / N);
  const dW2 = matmulTransA(a1, dZ2);
  const db2 = sumColumns(dZ2);
  const dZ1 = mul(matmulTransB(dZ2, W2), map(z1, (z) => 1 - z * z));
  return { dW1: matmulTransA(x, dZ1), db1: sumColumns(dZ1), dW2, db2 };
}

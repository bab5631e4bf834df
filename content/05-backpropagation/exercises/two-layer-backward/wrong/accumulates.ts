// Mistake: keeps gradient buffers between calls and adds into them without zeroing, so a second call doubles them (expect: accumulates)
import { Matrix, addRowVector, map, matmul, matmulTransA, matmulTransB, mul, scale, softmax, sub, sumColumns } from "nn";

let grads: { dW1: Matrix; db1: Matrix; dW2: Matrix; db2: Matrix } | null = null;

export function twoLayerBackward(x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
  if (!grads || grads.dW1.rows !== W1.rows || grads.dW1.cols !== W1.cols || grads.dW2.cols !== W2.cols) {
    grads = { dW1: new Matrix(W1.rows, W1.cols), db1: new Matrix(b1.rows, b1.cols), dW2: new Matrix(W2.rows, W2.cols), db2: new Matrix(b2.rows, b2.cols) };
  }
  const N = x.rows;
  const a1 = map(addRowVector(matmul(x, W1), b1), Math.tanh);
  const p = softmax(addRowVector(matmul(a1, W2), b2));
  const dZ2 = scale(sub(p, y), 1 / N);
  matmulTransA(a1, dZ2, grads.dW2, true);
  sumColumns(dZ2, grads.db2, true);
  const dZ1 = mul(matmulTransB(dZ2, W2), map(a1, (a) => 1 - a * a));
  matmulTransA(x, dZ1, grads.dW1, true);
  sumColumns(dZ1, grads.db1, true);
  return grads;
}

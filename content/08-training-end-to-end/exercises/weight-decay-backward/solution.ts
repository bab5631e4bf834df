import {
  Matrix, add, addRowVector, map, matmul, matmulTransA, matmulTransB,
  mul, scale, softmax, sub, sumColumns,
} from "nn";

const LAMBDA = 0.01; // weight decay on W1 and W2 (not on the biases)

// The usual backward pass of a ReLU classifier, plus λ·W for each decayed
// weight matrix.
export function decayBackward(
  X: Matrix, Y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix,
) {
  const A = addRowVector(matmul(X, W1), b1);
  const H = map(A, (a) => Math.max(a, 0));
  const P = softmax(addRowVector(matmul(H, W2), b2));
  const dZ = scale(sub(P, Y), 1 / X.rows); // ∂(mean cross-entropy)/∂Z
  const dW2 = add(matmulTransA(H, dZ), scale(W2, LAMBDA));
  const db2 = sumColumns(dZ);
  // through the ReLU: its derivative is 1 where A > 0 and 0 elsewhere
  const dA = mul(matmulTransB(dZ, W2), map(A, (a) => (a > 0 ? 1 : 0)));
  const dW1 = add(matmulTransA(X, dA), scale(W1, LAMBDA));
  const db1 = sumColumns(dA);
  return { dW1, db1, dW2, db2 };
}

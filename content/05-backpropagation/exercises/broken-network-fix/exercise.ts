import { randomMatrix, addRowVector, applyActivation, matmul, Matrix, mse, sigmoid, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/**
 * Chapter 5's broken network (no σ′ in either layer, no biases), fixed: two
 * sigmoid layers, now with biases, and the mean squared error over the batch. The reader's dW1, db1, dW2, db2 are
 * checked against central differences of that loss, for two batches (3–4 and
 * 5–8 rows), with layer sizes drawn from the seed.
 */
export default defineExercise({
  id: "broken-network-fix",
  title: "Fix the broken two-layer sigmoid network",
  entry: ["fixedBackward"],
  check: {
    kind: "model",
    fn: "fixedBackward",
    args: ["X", "Y", "W1", "b1", "W2", "b2"],
    grads: { W1: "dW1", b1: "db1", W2: "dW2", b2: "db2" },
    batches: [[3, 4], [5, 8]],   // several rows: with one row a missing σ′(z₂) is just a constant factor
    setup: (rng: Rng, N: number): NamedMatrices => {
      const n = 2 + rng.int(2), H = 3 + rng.int(3);
      const Y = new Matrix(N, 1);
      for (let i = 0; i < N; i++) Y.data[i] = rng.int(2);
      return {
        X: randomMatrix(N, n, rng),
        Y,
        W1: randomMatrix(n, H, rng),
        b1: randomMatrix(1, H, rng, { std: 0.5 }),
        W2: randomMatrix(H, 1, rng),
        b2: randomMatrix(1, 1, rng, { std: 0.5 }),
      };
    },
    loss: ({ X, Y, W1, b1, W2, b2 }) => {
      const A1 = applyActivation(sigmoid, addRowVector(matmul(X, W1), b1));
      const A2 = applyActivation(sigmoid, addRowVector(matmul(A1, W2), b2));
      return mse(A2, Y).loss;
    },
  },
  hints: [
    "Three things to fix: the output layer's gradient must go through the sigmoid's derivative, so must the hidden layer's, and the biases need gradients of their own.",
    "delta2 = error ⊙ A2(1 − A2) is ∂L/∂Z2: use it (not the raw error) in dW2 = A1ᵀ·delta2 and pass it back, delta1 = (delta2·W2ᵀ) ⊙ A1(1 − A1). A bias is added to every row, so db2 and db1 are the column sums of delta2 and delta1.",
    "delta2 = mul(error, map(A2, (a) => a * (1 - a))); dW2 = matmulTransA(A1, delta2); delta1 = mul(matmulTransB(delta2, W2), map(A1, (a) => a * (1 - a))); dW1 = matmulTransA(X, delta1); db2 = sumColumns(delta2); db1 = sumColumns(delta1).",
  ],
});

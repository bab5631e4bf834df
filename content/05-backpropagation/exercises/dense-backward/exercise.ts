import { randomMatrix, addRowVector, matmul, Matrix, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/**
 * A dense layer's backward pass: given X, W and the upstream gradient dZ,
 * return dW, db and dX. The scalar L = Σ (XW + b) ⊙ dZ has exactly these
 * gradients, so each is checked against central differences of L, for a batch
 * of one and a larger batch. Input and output widths differ (n ≠ m), so a
 * transposed gradient has the wrong shape.
 */
export default defineExercise({
  id: "dense-backward",
  title: "A dense layer's backward pass",
  entry: ["denseBackward"],
  check: {
    kind: "model",
    fn: "denseBackward",
    args: ["X", "W", "dZ"],
    grads: { W: "dW", b: "db", X: "dX" },
    batches: [1, [3, 6]],
    setup: (rng: Rng, N: number): NamedMatrices => {
      const n = 2 + rng.int(3);
      const m = n + 1 + rng.int(3);
      return { X: randomMatrix(N, n, rng), W: randomMatrix(n, m, rng), b: randomMatrix(1, m, rng), dZ: randomMatrix(N, m, rng) };
    },
    loss: ({ X, W, b, dZ }) => {
      const Z = addRowVector(matmul(X, W), b);
      let s = 0;
      for (let k = 0; k < Z.data.length; k++) s += Z.data[k] * dZ.data[k];
      return s;
    },
  },
  hints: [
    "Each gradient has the shape of what it is the gradient of: dW like W (n × m), db like b (1 × m), dX like X (N × n). Only one product of the given matrices has each shape.",
    "dW = Xᵀ·dZ, db = the column sums of dZ (b is added to every row, so every row contributes), dX = dZ·Wᵀ.",
    "With nn: return { dW: matmulTransA(X, dZ), db: sumColumns(dZ), dX: matmulTransB(dZ, W) };  (import them from \"nn\").",
  ],
});

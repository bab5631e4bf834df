import { randomMatrix, addRowVector, applyActivation, matmul, oneHot, softmaxCrossEntropy, tanh, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/**
 * A 2-layer network, x → dense (W1, b1) → tanh → dense (W2, b2) → softmax
 * cross-entropy (mean over the batch): the reader writes the whole backward
 * pass; each gradient is checked against central differences of this loss,
 * for a batch of 1 and a larger batch, with layer sizes drawn from the seed.
 */
export default defineExercise({
  id: "two-layer-backward",
  title: "Backpropagation through a two-layer network",
  entry: ["twoLayerBackward"],
  check: {
    kind: "model",
    fn: "twoLayerBackward",
    args: ["x", "y", "W1", "b1", "W2", "b2"],
    grads: { W1: "dW1", b1: "db1", W2: "dW2", b2: "db2" },
    batches: [1, [3, 6]],
    setup: (rng: Rng, n: number): NamedMatrices => {
      const inputs = 2 + rng.int(3), hidden = 3 + rng.int(3), classes = 2 + rng.int(3);
      const y = oneHot(Int32Array.from({ length: n }, () => rng.int(classes)), classes);
      return {
        x: randomMatrix(n, inputs, rng),
        y,
        W1: randomMatrix(inputs, hidden, rng, { std: 0.8 }),
        b1: randomMatrix(1, hidden, rng, { std: 0.3 }),
        W2: randomMatrix(hidden, classes, rng, { std: 0.8 }),
        b2: randomMatrix(1, classes, rng, { std: 0.3 }),
      };
    },
    loss: ({ x, y, W1, b1, W2, b2 }) => {
      const a1 = applyActivation(tanh, addRowVector(matmul(x, W1), b1));
      return softmaxCrossEntropy(addRowVector(matmul(a1, W2), b2), y).loss;
    },
  },
  hints: [
    "Go backwards one step at a time, keeping every forward quantity you need (a1, p). Each gradient has the shape of the thing it is the gradient of.",
    "dZ2 = (p − y)/N. Then dW2 = a1ᵀ·dZ2 and db2 = the column sums of dZ2; dA1 = dZ2·W2ᵀ; dZ1 = dA1 ⊙ (1 − a1²); dW1 = xᵀ·dZ1 and db1 = the column sums of dZ1.",
    "With nn: const dZ2 = scale(sub(p, y), 1 / N); const dW2 = matmulTransA(a1, dZ2); const db2 = sumColumns(dZ2); const dA1 = matmulTransB(dZ2, W2); const dZ1 = mul(dA1, map(a1, (a) => 1 - a * a)); then dW1 = matmulTransA(x, dZ1) and db1 = sumColumns(dZ1).",
  ],
});

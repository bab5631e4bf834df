import { Matrix, softmaxCrossEntropy, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The gradient of the mean softmax cross-entropy with respect to the logits,
 * dZ = (softmax(Z) − Y) / N, checked against central differences of the
 * library's loss for a batch of one and a larger batch (so a missing 1/N shows).
 */
/** Centre of row i's logits, by i mod 3. */
const SCALES = [0, 1000, -1000];

export default defineExercise({
  id: "cross-entropy-backward",
  title: "The gradient of softmax cross-entropy",
  entry: ["crossEntropyBackward"],
  check: {
    kind: "model",
    fn: "crossEntropyBackward",
    args: ["Z", "Y"],
    grads: { Z: "dZ" },
    batches: [1, [3, 6]],
    stability: "a batch holds rows of logits around 0, +1000 and −1000, and e^1000 overflows unless each row is shifted by its own maximum",
    setup: (rng: Rng, N: number): NamedMatrices => {
      const C = 2 + rng.int(5);
      const Z = new Matrix(N, C), Y = new Matrix(N, C);
      // Rows at very different scales in one batch (around 0, +1000 and −1000): a softmax
      // without each row's own shift overflows (NaN), while the gradient stays finite.
      for (let k = 0; k < Z.data.length; k++) Z.data[k] = SCALES[Math.floor(k / C) % 3] + 2 * rng.normal();
      for (let i = 0; i < N; i++) Y.data[i * C + rng.int(C)] = 1;
      return { Z, Y };
    },
    loss: ({ Z, Y }) => softmaxCrossEntropy(Z, Y).loss,
  },
  hints: [
    "Softmax and cross-entropy together have a very simple gradient with respect to the logits; you do not need the softmax Jacobian.",
    "For one example, ∂ℓ/∂z = p − y with p = softmax(z). The loss is the mean over the N rows, so each row's gradient is divided by N.",
    "For each row: m = the row's max; e_j = Math.exp(z_j − m); p_j = e_j / Σ e; dZ[i][j] = (p_j − Y[i][j]) / N.",
  ],
});

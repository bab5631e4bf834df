import { binaryCrossEntropyWithLogits, Matrix, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The gradient of the mean binary cross-entropy of a sigmoid output with
 * respect to its logits, dZ = (σ(Z) − Y) / N, checked against central
 * differences of the library's stable loss, for a batch of one and a larger
 * batch, with some logits large enough to saturate the sigmoid.
 */
export default defineExercise({
  id: "bce-backward",
  title: "The gradient of binary cross-entropy",
  entry: ["bceBackward"],
  check: {
    kind: "model",
    fn: "bceBackward",
    args: ["Z", "Y"],
    grads: { Z: "dZ" },
    batches: [1, [4, 8]],
    stability: "some logits are beyond ±710, where e^z overflows: σ(z) must be computed from e^−|z|",
    setup: (rng: Rng, N: number): NamedMatrices => {
      const Z = new Matrix(N, 1), Y = new Matrix(N, 1);
      for (let i = 0; i < N; i++) {
        // Ordinary logits, saturated ones (|z| 6 to 12) and, in a batch, far-saturated ones
        // (|z| 710 to 1000) where e^z overflows while the gradient σ(z) − y stays finite.
        // (Far-saturated rows alternate +, −, + … so every batch has a positive one, where e^z overflows.)
        const sign = rng.next() < 0.5 ? -1 : 1, farSign = i % 2 === 1 ? 1 : -1;
        Z.data[i] = i % 3 === 2 ? sign * rng.uniform(6, 12) : i % 3 === 1 ? farSign * rng.uniform(710, 1000) : 2 * rng.normal();
        Y.data[i] = rng.next() < 0.5 ? 0 : 1;
      }
      return { Z, Y };
    },
    loss: ({ Z, Y }) => binaryCrossEntropyWithLogits(Z, Y).loss,
  },
  hints: [
    "Chain rule through the sigmoid: ∂ℓ/∂p · σ′(z). The factor p(1 − p) of σ′ cancels against the denominator of ∂ℓ/∂p.",
    "For one example ∂ℓ/∂z = σ(z) − y. The loss is the mean over the N rows, so divide by N.",
    "For each i: dZ.data[i] = (sigmoid.f(Z.data[i]) − Y.data[i]) / Z.rows;  (import { sigmoid } from \"nn\").",
  ],
});

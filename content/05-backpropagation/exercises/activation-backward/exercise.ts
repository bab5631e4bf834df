import { applyActivation, sigmoid, type Matrix } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The backward pass of a sigmoid layer A = σ(Z): dZ = dA ⊙ σ(Z)(1 − σ(Z)),
 * checked against central differences of Σ σ(Z) ⊙ dA, with entries of Z up to ±6
 * (nearly saturated units included), for a batch of one and a larger batch.
 */
export default defineExercise({
  id: "activation-backward",
  title: "Backward through a sigmoid layer",
  entry: ["sigmoidBackward"],
  check: {
    kind: "backward",
    fn: "sigmoidBackward",
    forward: (z: Matrix) => applyActivation(sigmoid, z),
    x: [-6, 6],
    cols: [2, 6],
    batches: [1, [3, 6]],
  },
  hints: [
    "Each output depends on its own input only, so the gradient is an element-wise product: the upstream gradient times the local slope.",
    "dZ = dA ⊙ σ′(Z), and σ′(z) = σ(z)·(1 − σ(z)). Z is the layer's input: apply σ to it first.",
    "const dZ = new Matrix(Z.rows, Z.cols); for each k: const s = 1 / (1 + Math.exp(-Z.data[k])); dZ.data[k] = dA.data[k] * s * (1 - s);",
  ],
});

import { softmax, type Matrix } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The backward pass of a row-wise softmax as a Jacobian-vector product:
 * dZ = p ⊙ (dP − rowsum(dP ⊙ p)), row by row, never building the K×K
 * Jacobian. Checked against central differences of Σ softmax(z) ⊙ dP for a
 * batch of one and of several rows, with 2 to 7 classes: the off-diagonal
 * terms −pᵢpⱼ, the per-row sum and the sign all show.
 */
export default defineExercise({
  id: "softmax-backward",
  title: "Softmax backward, without the Jacobian",
  entry: ["softmaxBackward"],
  check: {
    kind: "backward",
    fn: "softmaxBackward",
    forward: (z: Matrix) => softmax(z),
    x: [-4, 4],
    cols: [2, 7],
    batches: [1, [3, 6]],
  },
  hints: [
    "Row by row: dZⱼ = Σᵢ dPᵢ · ∂pᵢ/∂zⱼ, and ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ). Expand the sum instead of building the matrix.",
    "Σᵢ dPᵢ pᵢ(δᵢⱼ − pⱼ) = pⱼ dPⱼ − pⱼ Σᵢ dPᵢ pᵢ = pⱼ (dPⱼ − s) with s = Σᵢ dPᵢ pᵢ, one number per row.",
    "const p = softmax(z); for each row i: s = Σⱼ dP[i][j]·p[i][j]; then dZ[i][j] = p[i][j]·(dP[i][j] − s). Write into a new Matrix.",
  ],
});

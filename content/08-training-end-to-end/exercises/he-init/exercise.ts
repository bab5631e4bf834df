import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * He initialisation, graded by what its scale is for: one large non-square
 * matrix must have mean 0 and variance 2/fanIn, and a ten-layer ReLU stack of
 * random widths built from the learner's matrices must keep the mean square
 * of its pre-activations within a factor of 8 (Xavier's 1/fanIn halves it at
 * every layer; a variance written where the standard deviation belongs
 * collapses it at once).
 */
export default defineExercise({
  id: "he-init",
  title: "He initialisation: a scale that survives depth",
  entry: ["heInit"],
  check: {
    kind: "init",
    fn: "heInit",
    variance: (fanIn) => 2 / fanIn,
    formula: "2/fanIn",
    fanIn: [150, 300],
    fanOut: [40, 80],
    depth: 10,
    widths: [150, 250],
  },
  hints: [
    "A ReLU zeroes about half of its inputs, so E[x²] of the next layer's input is half the variance of the pre-activation. The weights must make up for that half.",
    "Var(z) = fanIn · Var(w) · E[x²]. With E[x²] = Var(z_prev)/2, the variance stays put when fanIn · Var(w) = 2: Var(w) = 2/fanIn, so the standard deviation is √(2/fanIn).",
    "const std = Math.sqrt(2 / fanIn); const W = new Matrix(fanIn, fanOut); for (let k = 0; k < W.data.length; k++) W.data[k] = std * rng.normal(); return W;",
  ],
  timeLimitMs: 20_000,
});

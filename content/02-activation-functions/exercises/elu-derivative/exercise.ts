import { elu } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * ELU′ (α = 1), checked against central differences of the library's ELU on
 * both sides of 0 and far out on the negative side, where the slope is tiny
 * but not zero.
 */
export default defineExercise({
  id: "elu-derivative",
  title: "The derivative of ELU",
  entry: ["eluPrime"],
  check: {
    kind: "derivative",
    fn: "eluPrime",
    variable: "z",
    f: elu.f,
    formula: "ELU with α = 1 (z for z > 0, e^z − 1 otherwise)",
    points: [
      { label: "negative z in [−4, 0)", range: [-4, -0.01], count: 10 },
      { label: "positive z in (0, 4]", range: [0.01, 4], count: 10 },
      { label: "very negative z (−12 to −6)", range: [-12, -6], count: 4 },
    ],
  },
  hints: [
    "Treat the two halves separately: one branch for z > 0 and one for z ≤ 0.",
    "For z > 0 ELU is z, whose derivative is 1. For z ≤ 0 it is e^z − 1, whose derivative is e^z (the −1 is a constant).",
    "return z > 0 ? 1 : Math.exp(z);",
  ],
});

import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** Warm-up: the derivative of f(x) = x² + 3x, checked against central differences of f. */
export default defineExercise({
  id: "square-derivative",
  title: "The derivative of x² + 3x",
  entry: ["fPrime"],
  check: {
    kind: "derivative",
    fn: "fPrime",
    f: (x) => x * x + 3 * x,
    formula: "x² + 3x",
    points: [
      { label: "random x in [−5, 5]", range: [-5, 5], count: 20 },
      { label: "larger |x| (10 to 100)", range: [10, 100], count: 6, symmetric: true },
    ],
  },
  hints: [
    "Differentiate term by term: the derivative of a sum is the sum of the derivatives.",
    "The power rule gives d/dx xⁿ = n·xⁿ⁻¹, and a constant factor stays: d/dx (3x) = 3.",
    "f′(x) = 2x + 3: return 2 * x + 3.",
  ],
});

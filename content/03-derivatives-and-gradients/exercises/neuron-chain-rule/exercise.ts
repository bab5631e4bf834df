import { sigmoid } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The chain rule through one sigmoid neuron: L(w) = (σ(1.5w − 0.5) − 1)², the
 * squared error of a neuron with input 1.5, bias −0.5 and target 1, as a
 * function of its weight. Checked against central differences of L at
 * ordinary weights and at large |w|, where the sigmoid saturates.
 */
export default defineExercise({
  id: "neuron-chain-rule",
  title: "The chain rule through a neuron",
  entry: ["lossPrime"],
  check: {
    kind: "derivative",
    fn: "lossPrime",
    variable: "w",
    formula: "(σ(1.5w − 0.5) − 1)²",
    f: (w: number) => (sigmoid.f(1.5 * w - 0.5) - 1) ** 2,
    points: [
      { label: "w in [−3, 3]", range: [-3, 3], count: 16 },
      { label: "saturated neuron (|w| from 4 to 12)", range: [4, 12], count: 6, symmetric: true },
    ],
  },
  hints: [
    "Name the links of the chain: z = 1.5w − 0.5, a = σ(z), L = (a − 1)². Differentiate each link on its own, then multiply.",
    "dL/da = 2(a − 1), da/dz = σ′(z) = σ(z)(1 − σ(z)), dz/dw = 1.5.",
    "const z = 1.5 * w - 0.5; const a = sigmoid.f(z); return 2 * (a - 1) * a * (1 - a) * 1.5;",
  ],
});

import { softplus } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The local derivative a new `Value` operation, softplus(x) = ln(1 + eˣ), stores
 * next to its value: checked against central differences of the library's
 * (overflow-safe) softplus, at ordinary points and at |x| up to 800, where
 * e^x overflows and the textbook quotient eˣ / (1 + eˣ) gives NaN.
 */
export default defineExercise({
  id: "value-op-backward",
  title: "The backward step of a softplus operation",
  entry: ["softplusLocal"],
  check: {
    kind: "derivative",
    fn: "softplusLocal",
    variable: "x",
    f: softplus.f,
    formula: "ln(1 + eˣ)",
    points: [
      { label: "x in [−5, 5]", range: [-5, 5], count: 16 },
      // σ(x) is still resolvable here: 1 − σ(14) ≈ 8e−7, and σ(−30) ≈ 9e−14 is far above the relative
      // error's floor (about 1e−15), so "0 or 1 past a cut-off" below |x| = 20 fails at every seed.
      { label: "saturated |x| (6 to 14 and 20 to 30)", range: [[6, 14], [20, 30]], count: 8, symmetric: true },
      // Where eˣ overflows; mixed with saturated points, so a placeholder cannot pass this part.
      { label: "huge |x| (710 to 800) beside saturated ones", range: [[6, 14], [710, 800]], count: 8, symmetric: true },
    ],
  },
  hints: [
    "Differentiate ln(1 + eˣ) with the chain rule: the outer function is ln(u), the inner one u = 1 + eˣ.",
    "The derivative is eˣ / (1 + eˣ), which is the sigmoid σ(x) = 1 / (1 + e⁻ˣ). For x = 800, eˣ is Infinity and Infinity / Infinity is NaN, so use a form that cannot overflow.",
    "return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));",
  ],
});

import { tanh } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * tanh′(z), checked against central differences of the library's tanh —
 * including |z| ≥ 710, where e^z overflows and the textbook quotient gives NaN.
 */
export default defineExercise({
  id: "tanh-derivative",
  title: "The derivative of tanh",
  entry: ["tanhPrime"],
  check: {
    kind: "derivative",
    fn: "tanhPrime",
    variable: "z",
    f: tanh.f,
    formula: "tanh",
    points: [
      { label: "z in [−3, 3]", range: [-3, 3], count: 16 },
      // Saturated, yet tanh′ (1e−3 to 2e−8) stays far above the check's noise floor (16 ulps of tanh / h ≈ 4e−10),
      // with a point on each side in every band: "0 past a cut-off" below |z| = 8 fails at every seed.
      { label: "saturated z (|z| from 4 to 9.5)", range: [[4, 6], [6, 8], [8, 9.5]], count: 6, symmetric: true },
      // Where e^z overflows; mixed with saturated points, so a placeholder 0 cannot pass this part.
      { label: "huge |z| (710 to 1000) beside saturated ones", range: [[4, 9], [710, 1000]], count: 8, symmetric: true },
    ],
  },
  hints: [
    "tanh′ can be written with tanh itself, so you never need to differentiate exponentials by hand.",
    "d/dz tanh(z) = 1 − tanh²(z). Math.tanh is accurate for every z, while e^z overflows to Infinity for z > 709.",
    "const t = Math.tanh(z); return 1 - t * t;",
  ],
});

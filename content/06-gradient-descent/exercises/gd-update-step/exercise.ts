import { Matrix, SGD } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * ½((w₀ − 1)² + 10·(w₁ + 0.5)²): the elongated bowl of chapter 6, centred
 * away from 0 so that returning zeros (the starter) does not "reach" it.
 */
const CURVATURE = [1, 10];
const CENTRE = [1, -0.5];

/**
 * One step of plain gradient descent, w ← w − lr·grad, compared with the
 * library's SGD for a few steps on random gradients, then run on the bowl,
 * where it must bring the loss down.
 */
export default defineExercise({
  id: "gd-update-step",
  title: "One step of gradient descent",
  entry: ["sgdStep"],
  check: {
    kind: "update",
    fn: "sgdStep",
    args: ["w", "grad", "lr"],
    state: [],
    hyper: (rng) => ({ lr: +rng.uniform(0.01, 0.3).toFixed(3) }),
    reference: ({ lr }) => new SGD({ lr }),
    steps: [2, 5],
    rows: [2, 3],
    cols: [2, 4],
    problem: {
      label: "the bowl ½((w₀ − 1)² + 10·(w₁ + 0.5)²)",
      loss: (w: Matrix) => 0.5 * (CURVATURE[0] * (w.data[0] - CENTRE[0]) ** 2 + CURVATURE[1] * (w.data[1] - CENTRE[1]) ** 2),
      gradient: (w: Matrix) => Matrix.from([[CURVATURE[0] * (w.data[0] - CENTRE[0]), CURVATURE[1] * (w.data[1] - CENTRE[1])]]),
      start: Matrix.from([[-4, 1.5]]),
      hyper: { lr: 0.15 },
      steps: 100,
      reduceTo: 1e-3,
    },
  },
  hints: [
    "The gradient points uphill, so the step goes the other way, and the learning rate sets its length.",
    "Every element moves on its own: newW[k] = w[k] − lr · grad[k]. Return it in an object, { w: newW }.",
    "const newW = new Matrix(w.rows, w.cols); for (let k = 0; k < w.data.length; k++) newW.data[k] = w.data[k] - lr * grad.data[k]; return { w: newW };",
  ],
});

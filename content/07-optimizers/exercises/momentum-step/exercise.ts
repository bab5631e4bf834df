import { Matrix, Momentum } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** ½(w₀² + 50·w₁²): a long, narrow valley, where plain SGD crawls and momentum helps. */
const CURVATURE = [1, 50];

/**
 * One step of SGD with momentum, compared with the library's Momentum for a
 * few steps on random gradients, then run on an ill-conditioned quadratic
 * where it must bring the loss down.
 */
export default defineExercise({
  id: "momentum-step",
  title: "One step of SGD with momentum",
  entry: ["momentumStep"],
  check: {
    kind: "update",
    fn: "momentumStep",
    args: ["w", "grad", "v", "lr", "mu"],
    state: ["v"],
    hyper: (rng) => ({ lr: +rng.uniform(0.01, 0.2).toFixed(3), mu: +rng.uniform(0.5, 0.95).toFixed(2) }),
    reference: ({ lr, mu }) => new Momentum({ lr, momentum: mu }),
    steps: [3, 6],
    rows: [2, 3],
    cols: [2, 4],
    factors: [
      {
        factor: (h) => 1 - h.mu,
        text: "that is the EMA form of momentum, v ← μv + (1 − μ)·g. This course (and the library) adds the whole gradient, v ← μv + g, so the same lr takes steps 1/(1 − μ) times longer",
      },
    ],
    problem: {
      label: "the valley ½(w₀² + 50·w₁²)",
      loss: (w: Matrix) => 0.5 * (CURVATURE[0] * w.data[0] ** 2 + CURVATURE[1] * w.data[1] ** 2),
      gradient: (w: Matrix) => Matrix.from([[CURVATURE[0] * w.data[0], CURVATURE[1] * w.data[1]]]),
      start: Matrix.from([[1, 1]]),
      hyper: { lr: 0.02, mu: 0.9 },
      steps: 100,
      // Plain SGD (the starter) gets to about 3e−4 of the start here; momentum to 2e−6.
      reduceTo: 1e-4,
    },
  },
  hints: [
    "Momentum keeps a running velocity: each step adds the new gradient to a shrunken copy of the old velocity, then moves w along the velocity.",
    "v ← μ·v + g, then w ← w − lr·v. The new v must come back from the function, so the next call can continue from it.",
    "const newV = new Matrix(v.rows, v.cols), newW = new Matrix(w.rows, w.cols); for each k: newV.data[k] = mu * v.data[k] + grad.data[k]; newW.data[k] = w.data[k] - lr * newV.data[k]; return { w: newW, v: newV }.",
  ],
});

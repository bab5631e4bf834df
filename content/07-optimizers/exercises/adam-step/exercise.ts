import { Adam, Matrix } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** ½(w₀² + 50·w₁²): the same narrow valley as the momentum exercise. */
const CURVATURE = [1, 50];

/**
 * One step of Adam with bias correction, compared with the library's Adam for
 * a few steps on random gradients (so the correction, which matters most in the
 * first steps, is checked at t = 1, 2, 3, …), then run on an ill-conditioned
 * quadratic where it must bring the loss down. The step count t travels as a
 * state matrix of w's shape (every element holds the same count), because the
 * update check threads matrices from one call to the next.
 */
export default defineExercise({
  id: "adam-step",
  title: "One step of Adam, with bias correction",
  entry: ["adamStep"],
  check: {
    kind: "update",
    fn: "adamStep",
    args: ["w", "grad", "m", "v", "t", "lr", "beta1", "beta2", "eps"],
    state: ["m", "v", "t"],
    hyper: (rng) => ({
      lr: +rng.uniform(0.001, 0.1).toFixed(4),
      beta1: +rng.uniform(0.8, 0.95).toFixed(3),
      beta2: +rng.uniform(0.99, 0.9999).toFixed(4),
      eps: 1e-8,
    }),
    reference: ({ lr, beta1, beta2, eps }) => new Adam({ lr, beta1, beta2, epsilon: eps }),
    steps: [3, 6],
    rows: [2, 3],
    cols: [2, 4],
    problem: {
      label: "the valley ½(w₀² + 50·w₁²)",
      loss: (w: Matrix) => 0.5 * (CURVATURE[0] * w.data[0] ** 2 + CURVATURE[1] * w.data[1] ** 2),
      gradient: (w: Matrix) => Matrix.from([[CURVATURE[0] * w.data[0], CURVATURE[1] * w.data[1]]]),
      start: Matrix.from([[1, 1]]),
      hyper: { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      steps: 200,
      reduceTo: 1e-3,
    },
  },
  hints: [
    "Adam keeps two running averages per weight, of the gradient (m) and of its square (v), and divides one by the square root of the other. Both start at zero, so early on they are too small: divide each by 1 − βᵗ, with t the number of the step being taken (1 on the first call).",
    "t′ = t + 1; m′ = β1·m + (1 − β1)·g; v′ = β2·v + (1 − β2)·g²; m̂ = m′ / (1 − β1^t′); v̂ = v′ / (1 − β2^t′); w′ = w − lr·m̂ / (√v̂ + eps). Return the new w, m, v and t.",
    "In the loop over k: const tk = t.data[k] + 1; newM.data[k] = beta1 * m.data[k] + (1 - beta1) * g; newV.data[k] = beta2 * v.data[k] + (1 - beta2) * g * g; const mHat = newM.data[k] / (1 - beta1 ** tk), vHat = newV.data[k] / (1 - beta2 ** tk); newW.data[k] = w.data[k] - lr * mHat / (Math.sqrt(vHat) + eps); newT.data[k] = tk.",
  ],
});

import { randomMatrix, Matrix, mul, sub, sum, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** Weights before a step and after it, the update being `relative` times the weights' typical size. */
function step(rng: Rng, rows: number, cols: number, std: number, relative: number): [Matrix, Matrix] {
  const before = randomMatrix(rows, cols, rng, { std });
  const after = before.clone();
  for (let k = 0; k < after.data.length; k++) after.data[k] += relative * std * rng.normal();
  return [before, after];
}

/** ‖after − before‖ / ‖before‖ with Frobenius norms, from the library's ops. */
function ratio(before: Matrix, after: Matrix): number {
  const d = sub(after, before);
  return Math.sqrt(sum(mul(d, d))) / Math.sqrt(sum(mul(before, before)));
}

/**
 * The update-to-weight ratio of one step, against the reference at weight
 * matrices of several shapes, scales and update sizes (a healthy 1e-3, a
 * crawling 1e-6, an unstable 0.3), a bias row, and weights far from 1 in scale.
 */
export default defineExercise({
  id: "update-ratio",
  title: "The update-to-weight ratio",
  entry: ["updateRatio"],
  check: {
    kind: "value",
    fn: "updateRatio",
    args: ["before", "after"],
    reference: (before, after) => ratio(before as Matrix, after as Matrix),
    cases: [
      { label: "a 3×4 weight matrix, a healthy step (about 1e-3)", make: (rng) => step(rng, 3, 4, 0.5, 1e-3) },
      { label: "a 64×64 weight matrix", make: (rng) => step(rng, 64, 64, 0.18, 1e-3) },
      { label: "a bias row", make: (rng) => step(rng, 1, 2 + rng.int(6), 0.1, 1e-2) },
      { label: "a tiny step (about 1e-6)", make: (rng) => step(rng, 2 + rng.int(4), 2 + rng.int(4), 1, 1e-6) },
      { label: "a huge step (about 0.3)", make: (rng) => step(rng, 2 + rng.int(4), 2 + rng.int(4), 1, 0.3) },
      { label: "weights of size about 1e-4", make: (rng) => step(rng, 2 + rng.int(4), 2 + rng.int(4), 1e-4, 1e-2) },
    ],
  },
  hints: [
    "Two norms and one division: how long is the change, measured the same way as the weights themselves?",
    "‖A‖ is the square root of the sum of the squares of all entries of A. Compute it for after − before and for before, then divide.",
    "let change = 0, size = 0; for each k: const d = after.data[k] - before.data[k]; change += d * d; size += before.data[k] ** 2; then return Math.sqrt(change) / Math.sqrt(size).",
  ],
});

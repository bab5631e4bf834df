import { batchesPerEpoch, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** n = k·B + rest examples for a batch size B in [lo, hi] and k full batches in [1, 40]. */
function withRest(rng: Rng, [lo, hi]: readonly [number, number], rest: (B: number) => number, epochs = 2 + rng.int(9)): [number, number, number] {
  const B = lo + rng.int(hi - lo + 1);
  return [B * (1 + rng.int(40)) + rest(B), B, epochs];
}

/**
 * The number of updates of a run of mini-batch training: each epoch makes
 * ⌈n / B⌉ iterations, the last batch being the rest when B does not divide n,
 * and every epoch starts afresh (a partial batch is not carried over). Every
 * case has at least 2 epochs and a batch size above the number of epochs, so
 * ⌈n·epochs / B⌉ (rests carried across epochs) is told apart.
 */
export default defineExercise({
  id: "iterations-per-epoch",
  title: "How many updates does a run make?",
  entry: ["trainingIterations"],
  check: {
    kind: "value",
    fn: "trainingIterations",
    args: ["n", "batchSize", "epochs"],
    reference: (n, batchSize, epochs) => (epochs as number) * batchesPerEpoch(n as number, batchSize as number),
    cases: [
      { label: "B divides n", make: (rng) => withRest(rng, [12, 64], () => 0) },
      { label: "one example left over", make: (rng) => withRest(rng, [12, 64], () => 1) },
      { label: "B − 1 examples left over", make: (rng) => withRest(rng, [12, 64], (B) => B - 1) },
      { label: "a rest of about a third of a batch", make: (rng) => withRest(rng, [12, 64], (B) => 1 + Math.floor(B / 3)) },
      {
        label: "B larger than n",
        make: (rng) => {
          const n = 5 + rng.int(40);
          return [n, n + 1 + rng.int(100), 2 + rng.int(9)];
        },
      },
      {
        label: "a batch of 1 (plain SGD)",
        make: (rng) => [10 + rng.int(500), 1, 2 + rng.int(4)],
      },
    ],
  },
  hints: [
    "Count one epoch first: how many batches does it take to use every example once, if the last batch may be smaller?",
    "One epoch makes ⌈n / B⌉ iterations: ⌊n / B⌋ full batches and one more when B does not divide n. Each epoch starts afresh, so multiply by the number of epochs.",
    "return epochs * Math.ceil(n / batchSize);",
  ],
});

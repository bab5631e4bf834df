import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * A shuffling mini-batch iterator, like the library's miniBatches but on
 * indices only: for each case, every epoch must cover 0…n−1 exactly once, in
 * batches of batchSize with the smaller rest last, shuffled afresh each
 * epoch, and the same seed must give the same batches.
 */
export default defineExercise({
  id: "minibatch-iterator",
  title: "A shuffling mini-batch iterator",
  entry: ["miniBatchIndices"],
  check: {
    kind: "batches",
    fn: "miniBatchIndices",
    cases: [
      { label: "B divides n", n: [12, 40], batchSize: [2, 8], divides: true },
      { label: "B does not divide n", n: [10, 40], batchSize: [3, 9], divides: false },
      { label: "B larger than n", n: [8, 12], batchSize: [13, 20] },
      { label: "B = 1", n: [8, 15], batchSize: [1, 1] },
    ],
    epochs: [2, 3],
  },
  hints: [
    "Each epoch is two steps: put the indices 0…n−1 in a random order drawn from rng, then cut that order into consecutive pieces of batchSize.",
    "Draw a fresh permutation at the start of every epoch (rng.permutation(n), or a Fisher–Yates shuffle of [0, 1, …, n − 1] with rng.int), and keep the last piece even when it is shorter than batchSize: slice(start, Math.min(start + batchSize, n)).",
    "for (let e = 0; e < epochs; e++) { const order = Array.from(rng.permutation(n)); for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize)); } return batches;",
  ],
});

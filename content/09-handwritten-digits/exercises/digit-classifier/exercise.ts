import { createRng, digitRows, loadDigitsFile, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The chapter's split (`digits({ rng: createRng(9) })`: the first 2,000 of the
 * permutation are the test digits), as image indices. Training digits are
 * drawn from the rest, so no held-out digit is ever trained on.
 */
async function chapterSplit(): Promise<{ file: Awaited<ReturnType<typeof loadDigitsFile>>; test: Int32Array; train: Int32Array }> {
  const file = await loadDigitsFile();
  const perm = createRng(9).permutation(file.count);
  return { file, test: perm.subarray(0, 2000), train: perm.subarray(2000) };
}

/**
 * A digit classifier, built and trained by the reader, graded the careful way:
 * the untrained model is gradient-checked on a few digits (sampled elements:
 * W1 alone has 784 × hidden), then trained on 4,000 training digits chosen
 * with a fresh seed, then measured on all 2,000 test digits, which no training
 * run sees. 4,000 digits (not 8,000) keep a grading to a few seconds.
 */
export default defineExercise({
  id: "digit-classifier",
  title: "A digit classifier, graded on digits it has never seen",
  entry: ["buildModel", "trainModel"],
  check: {
    kind: "train",
    build: "buildModel",
    fit: "trainModel",
    data: async (rng: Rng) => {
      const { file, train } = await chapterSplit();
      const pick = rng.permutation(train.length).subarray(0, 4000);
      return digitRows(file, Array.from(pick, (k) => train[k]));
    },
    heldOut: async () => {
      const { file, test } = await chapterSplit();
      return digitRows(file, test);
    },
    classes: 10,
    minAccuracy: 0.87,
    probeRows: 4,
    maxPerParam: 40,
  },
  hints: [
    "The starter trains far too little, with an optimiser that crawls. What did the chapter use?",
    "One hidden layer of a few dozen ReLU units is enough; Adam with α around 0.003, mini-batches of 32, and two or three passes over the 4,000 digits. Pass the rng to train so the batches are shuffled.",
    "mlp([784, 32, 10], { rng, hidden: \"relu\" }), then await train(model, { x: data.x, y: data.y, loss: \"softmaxCrossEntropy\", optimizer: new Adam({ lr: 0.003 }), epochs: 3, batchSize: 32, rng }).",
  ],
  timeLimitMs: 60_000,
});

import { spiral, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The chapter's challenge, graded: build and train a classifier for three
 * interleaved spirals that reaches 95 % accuracy on 300 held-out points drawn
 * from a separate fork of the seed. The untrained model is gradient-checked
 * first, so a wrong backward is caught before any training time is spent.
 */
export default defineExercise({
  id: "spiral-classifier",
  title: "95 % on points the model has never seen",
  entry: ["buildModel", "trainModel"],
  check: {
    kind: "train",
    build: "buildModel",
    fit: "trainModel",
    data: (rng: Rng) => spiral({ classes: 3, pointsPerClass: 150, rng }),
    heldOut: (rng: Rng) => spiral({ classes: 3, pointsPerClass: 100, rng }),
    classes: 3,
    minAccuracy: 0.95,
    probeRows: 6,
  },
  hints: [
    "The starter's model is both too small and trained too briefly. Which of the chapter's tools make a model fit a twisted boundary quickly?",
    "Two hidden layers of a few dozen ReLU units are enough for three spirals; plain SGD at this learning rate crawls, Adam does not. Full-batch steps (no batchSize) are fast and need no shuffling.",
    "mlp([2, 32, 32, 3], { rng, hidden: \"relu\" }), then await train(model, { x: data.x, y: data.y, loss: \"softmaxCrossEntropy\", optimizer: new Adam({ lr: 0.01 }), steps: 300, rng }).",
  ],
  timeLimitMs: 60_000,
});

import { stepDecay, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** A random schedule: lr0 in [0.01, 1], a drop every 5 to 200 steps, by a factor in [0.1, 0.9]. */
function schedule(rng: Rng): { lr0: number; dropEvery: number; factor: number } {
  return { lr0: +rng.uniform(0.01, 1).toFixed(3), dropEvery: 5 + rng.int(196), factor: +rng.uniform(0.1, 0.9).toFixed(2) };
}

/**
 * Step decay, lr(t) = lr0 · factor^⌊t / dropEvery⌋, compared with the
 * library's stepDecay at steps before the first drop, exactly at a drop, one
 * step before a drop, and many drops later.
 */
export default defineExercise({
  id: "step-decay-schedule",
  title: "A step-decay learning-rate schedule",
  entry: ["stepDecayRate"],
  check: {
    kind: "value",
    fn: "stepDecayRate",
    args: ["lr0", "t", "dropEvery", "factor"],
    reference: (lr0, t, dropEvery, factor) => stepDecay(lr0 as number, dropEvery as number, factor as number)(t as number),
    cases: [
      {
        label: "before the first drop",
        make: (rng) => {
          const s = schedule(rng);
          return [s.lr0, 1 + rng.int(s.dropEvery - 1), s.dropEvery, s.factor];
        },
      },
      {
        label: "exactly at a drop",
        make: (rng) => {
          const s = schedule(rng);
          return [s.lr0, s.dropEvery * (1 + rng.int(4)), s.dropEvery, s.factor];
        },
      },
      {
        label: "one step before a drop",
        make: (rng) => {
          const s = schedule(rng);
          return [s.lr0, s.dropEvery * (2 + rng.int(3)) - 1, s.dropEvery, s.factor];
        },
      },
      {
        label: "many drops later",
        make: (rng) => {
          const s = schedule(rng);
          return [s.lr0, s.dropEvery * (5 + rng.int(6)) + rng.int(s.dropEvery), s.dropEvery, s.factor];
        },
      },
    ],
  },
  hints: [
    "The rate stays flat for dropEvery steps, then is multiplied by factor, then stays flat again: count how many drops have happened by step t.",
    "The number of drops by step t is ⌊t / dropEvery⌋ (Math.floor), and each multiplies the rate by factor once: lr0 · factor^drops.",
    "return lr0 * Math.pow(factor, Math.floor(t / dropEvery));",
  ],
});

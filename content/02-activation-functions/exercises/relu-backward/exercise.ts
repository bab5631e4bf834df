import { applyActivation, relu, type Matrix } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/**
 * The backward pass of relu for a batch: dX = dOut ⊙ relu′(X), checked against
 * central differences of Σ relu(X) ⊙ dOut. Entries of X keep away from the kink at 0.
 */
export default defineExercise({
  id: "relu-backward",
  title: "Backward through relu",
  entry: ["reluBackward"],
  check: {
    kind: "backward",
    fn: "reluBackward",
    forward: (x: Matrix) => applyActivation(relu, x),
    x: [-3, 3],
    cols: [2, 6],
    batches: [1, [3, 6]],
    kinks: relu.kinks,
  },
  hints: [
    "relu passes a value through or blocks it, so it passes the gradient through or blocks it at the same places.",
    "The local derivative is 1 where x > 0 and 0 elsewhere; the chain rule multiplies it by the upstream gradient dOut, element by element.",
    "Make dX = new Matrix(x.rows, x.cols) and for every k set dX.data[k] = x.data[k] > 0 ? dOut.data[k] : 0.",
  ],
});

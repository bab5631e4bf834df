import { randomMatrix, addRowVector, matmul, Matrix, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** X (batch×in), W (in×out) and b (1×out) of a random dense layer. */
function layer(rng: Rng, batch: number, inputs: number, outputs: number): Matrix[] {
  return [randomMatrix(batch, inputs, rng), randomMatrix(inputs, outputs, rng), randomMatrix(1, outputs, rng)];
}

/**
 * The forward pass of a dense layer for a batch, Z = XW + b, compared with the
 * library's matmul and addRowVector at random shapes: one example, a batch
 * with more examples than neurons (so b indexed by example shows), more
 * outputs than inputs (so W is not square and a transposed index shows), and
 * a single input feature.
 */
export default defineExercise({
  id: "dense-forward",
  title: "A dense layer's forward pass, Z = XW + b",
  entry: ["denseForward"],
  check: {
    kind: "value",
    fn: "denseForward",
    args: ["X", "W", "b"],
    reference: (X, W, b) => addRowVector(matmul(X as Matrix, W as Matrix), b as Matrix),
    cases: [
      // Never square: reading W as out×in must show at once.
      {
        label: "one example",
        make: (rng) => {
          const inputs = 2 + rng.int(4);
          return layer(rng, 1, inputs, inputs + 1 + rng.int(3));
        },
      },
      {
        label: "a batch of examples",
        make: (rng) => {
          const outputs = 2 + rng.int(3);
          return layer(rng, outputs + 2 + rng.int(3), 2 + rng.int(4), outputs);
        },
      },
      { label: "more outputs than inputs", make: (rng) => layer(rng, 3 + rng.int(3), 2, 4 + rng.int(3)) },
      { label: "a single input feature", make: (rng) => layer(rng, 2 + rng.int(4), 1, 2 + rng.int(3)) },
    ],
  },
  hints: [
    "Z has one row per example (a row of X) and one column per neuron (a column of W). Each entry is one neuron's weighted sum for one example.",
    "Z[i][j] = b[j] + Σₖ X[i][k] · W[k][j]: the dot product of row i of X with column j of W, plus the bias of neuron j.",
    "Make Z = new Matrix(X.rows, W.cols); for each i and j start s at b.get(0, j), add X.get(i, k) * W.get(k, j) for k from 0 to X.cols − 1, then Z.set(i, j, s).",
  ],
});

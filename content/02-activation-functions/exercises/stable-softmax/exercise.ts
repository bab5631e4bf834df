import { Matrix, softmax, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** A rows×cols matrix of logits centre + N(0, spread²); `centre` may differ per row. */
function logits(rng: Rng, rows: number, cols: number, centre: (row: number) => number, spread: number): Matrix {
  const z = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) z.data[i * cols + j] = centre(i) + spread * rng.normal();
  return z;
}

const classes = (rng: Rng): number => 2 + rng.int(5);

/** Rows whose values span more than 1000: one entry in [710, 1000] (e^z overflows), one in [−1000, −500], the rest anywhere between. */
function spanning(rng: Rng, rows: number, cols: number): Matrix {
  const z = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    const hi = rng.int(cols), lo = (hi + 1 + rng.int(cols - 1)) % cols;
    for (let j = 0; j < cols; j++) z.data[i * cols + j] = j === hi ? rng.uniform(710, 1000) : j === lo ? -rng.uniform(500, 1000) : rng.uniform(-1000, 1000);
  }
  return z;
}
const batch = (rng: Rng): number => 3 + rng.int(4);

/**
 * Softmax that does not overflow, compared with the library's at ordinary
 * logits, a batch of one and of several rows, logits near ±1000, rows at very
 * different scales (a single maximum for the whole batch is not enough) and
 * rows of equal values.
 */
export default defineExercise({
  id: "stable-softmax",
  title: "A softmax that never overflows",
  entry: ["stableSoftmax"],
  check: {
    kind: "value",
    fn: "stableSoftmax",
    args: ["z"],
    reference: (z) => softmax(z as Matrix),
    cases: [
      { label: "one row of ordinary logits", make: (rng) => logits(rng, 1, classes(rng), () => 0, 3) },
      { label: "a batch of ordinary logits", make: (rng) => logits(rng, batch(rng), classes(rng), () => 0, 3) },
      { label: "large logits (around +1000)", make: (rng) => logits(rng, batch(rng), classes(rng), () => 1000, 5), stability: "e^1000 overflows to Infinity, and Infinity / Infinity is NaN" },
      { label: "very negative logits (around −1000)", make: (rng) => logits(rng, batch(rng), classes(rng), () => -1000, 5), stability: "e^−1000 underflows to 0, and 0 / 0 is NaN" },
      {
        label: "rows at very different scales",
        make: (rng) => logits(rng, batch(rng), classes(rng), (i) => (i % 2 === 0 ? 1000 : -1000), 5),
        stability: "one maximum for the whole batch leaves the other rows at e^−2000 = 0, and 0 / 0 is NaN",
      },
      {
        label: "rows spanning more than a thousand",
        make: (rng) => spanning(rng, batch(rng), classes(rng) + 1),
        stability: "a row spanning more than 709 overflows when shifted by anything but its own maximum",
      },
      {
        label: "rows of equal values",
        make: (rng) => {
          // The first row's value is ±800 to ±1000: e^z of it overflows or underflows.
          const cs = [(rng.next() < 0.5 ? -1 : 1) * rng.uniform(800, 1000), 0, rng.uniform(-5, 5)];
          return logits(rng, 3, classes(rng), (i) => cs[i], 0);
        },
      },
    ],
  },
  hints: [
    "Softmax does not change when you add the same number to every logit of a row. Choose that number so nothing overflows.",
    "Subtract each row's own maximum before Math.exp: the largest exponent becomes e⁰ = 1 and the sum is at least 1, so there is no overflow and no 0/0.",
    "For each row i: m = max over j of z[i][j]; e[j] = Math.exp(z[i][j] − m); p[i][j] = e[j] / (sum of e). Write p into a new Matrix so z stays unchanged.",
  ],
});

import { Matrix, numericGradient, type Rng } from "../../../../src/nn/index.ts";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** The test function of the starter, written again here for the reference (keep the two identical). */
function testFunction(x: Matrix): number {
  let s = 0, total = 0;
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k];
    s += v * Math.sin(k + 1 + v);
    total += v;
  }
  return s + 0.5 * total * total;
}

function uniform(rng: Rng, rows: number, cols: number, lo: number, hi: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.uniform(lo, hi);
  return m;
}

/**
 * A central-difference gradient of any scalar function of a matrix. The
 * learner writes the generic `numericGradient(f, x)`; the grader calls the
 * starter's `gradientOfTestFunction(x)`, which applies it to a fixed test
 * function, and compares with the library's `numericGradient` (central
 * differences, h = 1e-5). A forward difference is off by O(h) ≈ 1e-5 relative,
 * far outside "good", and so is a step so small that round-off dominates.
 */
export default defineExercise({
  id: "numeric-gradient",
  title: "A numerical gradient by central differences",
  entry: ["numericGradient", "gradientOfTestFunction"],
  check: {
    kind: "value",
    fn: "gradientOfTestFunction",
    args: ["x"],
    reference: (x) => numericGradient(() => testFunction(x as Matrix), x as Matrix, 1e-5),
    cases: [
      // The matrix comes first: the value check's "works for one row but not a batch" remark would mislead here.
      { label: "a matrix of 2 to 4 rows", make: (rng) => uniform(rng, 2 + rng.int(3), 2 + rng.int(3), -3, 3) },
      { label: "a row of 3 to 5 numbers", make: (rng) => uniform(rng, 1, 3 + rng.int(3), -2, 2) },
      { label: "a single number (1×1)", make: (rng) => uniform(rng, 1, 1, -2, 2) },
    ],
  },
  hints: [
    "Move one element of x at a time, by +h and by −h, evaluate f both times, and put it back exactly as it was.",
    "Element k of the gradient is (f(x with x[k] + h) − f(x with x[k] − h)) / (2h), with h = 1e-5. A forward difference (f(x + h) − f(x)) / h is only accurate to about h.",
    "const g = new Matrix(x.rows, x.cols); for each k: const v = x.data[k]; x.data[k] = v + h; const fp = f(x); x.data[k] = v - h; const fm = f(x); x.data[k] = v; g.data[k] = (fp - fm) / (2 * h);",
  ],
});

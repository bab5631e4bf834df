import { randomMatrix, Matrix, numericGradient, type Rng } from "nn";
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

/** Names a test function for the grader's messages (a name in words is translated through the edition's text; a formula is not). */
function named(name: string, f: (x: Matrix) => number): (x: Matrix) => number {
  return Object.defineProperty(f, "name", { value: name });
}

/**
 * A fresh test function of the grader's choosing: every element has its own
 * curved term, and a squared sum couples them all, so a gradient that moves
 * every element at once, or a step h far from 1e-5, is visibly off.
 */
function freshFunction(rng: Rng, curvature: number): (x: Matrix) => number {
  const a = Array.from({ length: 32 }, () => rng.uniform(0.5, 2) * (rng.next() < 0.5 ? -1 : 1));
  const b = Array.from({ length: 32 }, () => rng.uniform(-3, 3));
  const d = rng.uniform(0.3, 1);
  return named(`Σ aₖ·sin(bₖ + ${curvature}·xₖ) + ${d.toFixed(2)}·(Σ xₖ)²/2`, (x: Matrix) => {
    let s = 0, total = 0;
    for (let k = 0; k < x.data.length; k++) {
      s += a[k % 32] * Math.sin(b[k % 32] + curvature * x.data[k]);
      total += x.data[k];
    }
    return s + 0.5 * d * total * total;
  });
}

const starterTest = named("the starter's testFunction", testFunction);

/**
 * A central-difference gradient of any scalar function of a matrix. The
 * learner writes the generic `numericGradient(f, x)`, and the grader calls it
 * with test functions of its own (the starter's test function and fresh ones
 * drawn from the seed), comparing with the library's `numericGradient`
 * (central differences, h = 1e-5). A forward difference is off by O(h) ≈ 1e-5
 * relative, far outside "good", and so is a step so small that round-off
 * dominates or so large (1e-2) that the curvature does; moving every element
 * at once gives the sum of the partial derivatives in every element.
 */
export default defineExercise({
  id: "numeric-gradient",
  title: "A numerical gradient by central differences",
  entry: ["numericGradient"],
  check: {
    kind: "value",
    fn: "numericGradient",
    args: ["f", "x"],
    reference: (f, x) => numericGradient(() => (f as (x: Matrix) => number)(x as Matrix), x as Matrix, 1e-5),
    cases: [
      // The matrix comes first: the value check's "works for one row but not a batch" remark would mislead here.
      { label: "the starter's test function, a matrix of 2 to 4 rows", make: (rng) => [starterTest, randomMatrix(2 + rng.int(3), 2 + rng.int(3), rng, { uniform: [-3, 3] })] },
      { label: "a fresh function, a non-square matrix", make: (rng) => [freshFunction(rng, 1 + rng.int(2)), randomMatrix(3, 2, rng, { uniform: [-2, 2] })] },
      { label: "a fresh function with strong curvature", make: (rng) => [freshFunction(rng, 3), randomMatrix(2, 3 + rng.int(2), rng, { uniform: [-1, 1] })] },
      { label: "a row of 3 to 5 numbers", make: (rng) => [freshFunction(rng, 2), randomMatrix(1, 3 + rng.int(3), rng, { uniform: [-2, 2] })] },
      { label: "a single number (1×1)", make: (rng) => [freshFunction(rng, 2), randomMatrix(1, 1, rng, { uniform: [-2, 2] })] },
    ],
  },
  hints: [
    "Move one element of x at a time, by +h and by −h, evaluate f both times, and put it back exactly as it was.",
    "Element k of the gradient is (f(x with x[k] + h) − f(x with x[k] − h)) / (2h), with h = 1e-5. A forward difference (f(x + h) − f(x)) / h is only accurate to about h.",
    "const g = new Matrix(x.rows, x.cols); for each k: const v = x.data[k]; x.data[k] = v + h; const fp = f(x); x.data[k] = v - h; const fm = f(x); x.data[k] = v; g.data[k] = (fp - fm) / (2 * h);",
  ],
});

import { randomMatrix, Matrix, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/** f(x, y) = x²·y + sin(x·y). */
function f(x: number, y: number): number {
  return x * x * y + Math.sin(x * y);
}

type Partial = (x: number, y: number) => number;

/** The starter's partialsAt, with the learner's functions passed in. */
function partialsAt(dfdx: Partial, dfdy: Partial, x: Matrix, y: Matrix): { dfdx: Matrix; dfdy: Matrix } {
  const gx = new Matrix(x.rows, 1), gy = new Matrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    gx.data[i] = dfdx(x.data[i], y.data[i]);
    gy.data[i] = dfdy(x.data[i], y.data[i]);
  }
  return { dfdx: gx, dfdy: gy };
}

/**
 * Both partial derivatives of f(x, y) = x²y + sin(xy). The learner writes the
 * scalar functions dfdx(x, y) and dfdy(x, y); the grader's copy of the starter's `partialsAt(x, y)`
 * applies them to a column of N points, and the grader checks the result as
 * the gradient of Σᵢ f(xᵢ, yᵢ), whose partial derivative with respect to xᵢ is
 * exactly ∂f/∂x at point i.
 */
export default defineExercise({
  id: "partial-derivatives",
  title: "Both partial derivatives of a function of two variables",
  entry: ["dfdx", "dfdy"],
  // The grader applies the learner's dfdx and dfdy itself, exactly as the starter's partialsAt does.
  wrapper: { fn: "partialsAt", build: ({ dfdx, dfdy }) => (x: Matrix, y: Matrix) => partialsAt(dfdx as Partial, dfdy as Partial, x, y) },
  check: {
    kind: "model",
    fn: "partialsAt",
    args: ["x", "y"],
    grads: { x: "dfdx", y: "dfdy" },
    batches: [1, [4, 8]],
    setup: (rng: Rng, N: number): NamedMatrices => ({ x: randomMatrix(N, 1, rng, { uniform: [-2, 2] }), y: randomMatrix(N, 1, rng, { uniform: [-2, 2] }) }),
    loss: ({ x, y }) => {
      let s = 0;
      for (let i = 0; i < x.rows; i++) s += f(x.data[i], y.data[i]);
      return s;
    },
  },
  hints: [
    "For ∂f/∂x treat y as a constant number (and for ∂f/∂y treat x as one), then differentiate term by term.",
    "x²y gives 2xy and x². For sin(xy) use the chain rule: its derivative is cos(xy) times the derivative of the inside, xy, which is y with respect to x and x with respect to y.",
    "dfdx = 2*x*y + y*Math.cos(x*y);  dfdy = x*x + x*Math.cos(x*y).",
  ],
});

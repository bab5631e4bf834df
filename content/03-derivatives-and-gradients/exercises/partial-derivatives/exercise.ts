import { Matrix, type Rng } from "../../../../src/nn/index.ts";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/** f(x, y) = x²·y + sin(x·y). */
function f(x: number, y: number): number {
  return x * x * y + Math.sin(x * y);
}

function column(rng: Rng, n: number): Matrix {
  const m = new Matrix(n, 1);
  for (let k = 0; k < n; k++) m.data[k] = rng.uniform(-2, 2);
  return m;
}

/**
 * Both partial derivatives of f(x, y) = x²y + sin(xy). The learner writes the
 * scalar functions dfdx(x, y) and dfdy(x, y); the starter's `partialsAt(x, y)`
 * applies them to a column of N points, and the grader checks the result as
 * the gradient of Σᵢ f(xᵢ, yᵢ), whose partial derivative with respect to xᵢ is
 * exactly ∂f/∂x at point i.
 */
export default defineExercise({
  id: "partial-derivatives",
  title: "Both partial derivatives of a function of two variables",
  entry: ["dfdx", "dfdy", "partialsAt"],
  check: {
    kind: "model",
    fn: "partialsAt",
    args: ["x", "y"],
    grads: { x: "dfdx", y: "dfdy" },
    batches: [1, [4, 8]],
    setup: (rng: Rng, N: number): NamedMatrices => ({ x: column(rng, N), y: column(rng, N) }),
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

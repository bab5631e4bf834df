import { randomMatrix, addRowVector, applyActivation, matmul, mul, oneHot, relu, softmaxCrossEntropy, sum, type Matrix, type Rng } from "nn";
import { defineExercise, type NamedMatrices } from "../../../../src/runtime/grader/exercise.ts";

/** The weight-decay coefficient λ of the exercise (the statement gives it). */
const LAMBDA = 0.01;

/**
 * Sets one bias so that it flips the sign of one unit's pre-activation in
 * the first row (with a margin): the ReLU mask must then come from XW + b,
 * and a mask taken from XW alone is caught at every seed.
 */
function flipOneSign(rng: Rng, XW: Matrix, b1: Matrix): void {
  const j = rng.int(b1.cols);
  const v = XW.data[j];
  b1.data[j] = -v - Math.sign(v || 1) * rng.uniform(0.2, 1);
}

/**
 * Chapter 8's classifier with one hidden layer and L2 weight decay on the
 * weights (not the biases): x → dense (W1, b1) → relu → dense (W2, b2) →
 * softmax cross-entropy (mean over the batch) + (λ/2)(‖W1‖² + ‖W2‖²).
 * Every gradient is checked against central differences of this loss, for a
 * batch of one and a larger batch, with layer sizes drawn from the seed.
 */
export default defineExercise({
  id: "weight-decay-backward",
  title: "The whole classifier's gradient, with weight decay",
  entry: ["decayBackward"],
  check: {
    kind: "model",
    fn: "decayBackward",
    args: ["X", "Y", "W1", "b1", "W2", "b2"],
    grads: { W1: "dW1", b1: "db1", W2: "dW2", b2: "db2" },
    batches: [1, [3, 6]],
    setup: (rng: Rng, n: number): NamedMatrices => {
      const inputs = 2 + rng.int(3), hidden = 3 + rng.int(4), classes = 2 + rng.int(3);
      const Y = oneHot(Int32Array.from({ length: n }, () => rng.int(classes)), classes);
      const X = randomMatrix(n, inputs, rng), W1 = randomMatrix(inputs, hidden, rng), b1 = randomMatrix(1, hidden, rng, { std: 0.5 });
      flipOneSign(rng, matmul(X, W1), b1);
      return { X, Y, W1, b1, W2: randomMatrix(hidden, classes, rng), b2: randomMatrix(1, classes, rng, { std: 0.5 }) };
    },
    loss: ({ X, Y, W1, b1, W2, b2 }) => {
      const H = applyActivation(relu, addRowVector(matmul(X, W1), b1));
      const data = softmaxCrossEntropy(addRowVector(matmul(H, W2), b2), Y).loss;
      return data + (LAMBDA / 2) * (sum(mul(W1, W1)) + sum(mul(W2, W2)));
    },
  },
  hints: [
    "The loss is a sum of two parts, so its gradient is too: the cross-entropy part is the usual backward pass; the penalty adds something to the gradients of W1 and W2 only.",
    "dZ = (P − Y)/N with P = softmax(Z); dW2 = Hᵀ·dZ + λ·W2; db2 = column sums of dZ; dH = dZ·W2ᵀ; dA = dH ⊙ [XW1 + b1 > 0]; dW1 = Xᵀ·dA + λ·W1; db1 = column sums of dA.",
    "With nn: const A = addRowVector(matmul(X, W1), b1); const H = map(A, (a) => Math.max(a, 0)); const P = softmax(addRowVector(matmul(H, W2), b2)); const dZ = scale(sub(P, Y), 1 / X.rows); const dA = mul(matmulTransB(dZ, W2), map(A, (a) => (a > 0 ? 1 : 0))); then dW2 = add(matmulTransA(H, dZ), scale(W2, 0.01)), db2 = sumColumns(dZ), dW1 = add(matmulTransA(X, dA), scale(W1, 0.01)), db1 = sumColumns(dA).",
  ],
});

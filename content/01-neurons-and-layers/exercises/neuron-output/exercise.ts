import { sigmoid, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** n inputs, n weights and a bias, each standard normal times `scale`. */
function neuronArgs(rng: Rng, n: number, scale = 1): [number[], number[], number] {
  const x = Array.from({ length: n }, () => scale * rng.normal());
  const w = Array.from({ length: n }, () => scale * rng.normal());
  return [x, w, scale * rng.normal()];
}

/** The reference neuron: σ(w·x + b). */
function neuron(x: readonly number[], w: readonly number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return sigmoid.f(z);
}

/**
 * One sigmoid neuron's output a = σ(w·x + b), compared with the reference at
 * random inputs of random lengths, a single input, zero weights (the output is
 * then σ(b)) and a strongly negative pre-activation (an output near 0).
 */
export default defineExercise({
  id: "neuron-output",
  title: "The output of one neuron",
  entry: ["neuron"],
  check: {
    kind: "value",
    fn: "neuron",
    args: ["x", "w", "b"],
    reference: (x, w, b) => neuron(x as number[], w as number[], b as number),
    cases: [
      { label: "three inputs", make: (rng) => neuronArgs(rng, 3) },
      { label: "a random number of inputs (1 to 8)", make: (rng) => neuronArgs(rng, 1 + rng.int(8)) },
      {
        label: "all weights zero (the output is σ(b))",
        make: (rng) => {
          const [x, w, b] = neuronArgs(rng, 2 + rng.int(4));
          return [x, w.map(() => 0), b];
        },
      },
      {
        label: "a strongly negative pre-activation",
        make: (rng) => {
          const [x, w] = neuronArgs(rng, 3, 0.3);
          return [x, w, rng.uniform(-7, -5)];
        },
      },
    ],
  },
  hints: [
    "First the weighted sum z (one product per input, plus the bias once), then the activation.",
    "z = b + Σᵢ wᵢ·xᵢ, and the sigmoid is σ(z) = 1 / (1 + e^(−z)).",
    "let z = b; for (let i = 0; i < x.length; i++) z += w[i] * x[i]; return 1 / (1 + Math.exp(-z));",
  ],
});

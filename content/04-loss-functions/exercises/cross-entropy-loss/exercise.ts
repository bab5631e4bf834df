import { Matrix, softmaxCrossEntropy, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

/** rows×cols logits centre(row) + N(0, spread²). */
function logits(rng: Rng, rows: number, cols: number, centre: (row: number) => number, spread: number): Matrix {
  const z = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) z.data[i * cols + j] = centre(i) + spread * rng.normal();
  return z;
}

/** One-hot labels, one random class per row. */
function oneHotRows(rng: Rng, rows: number, cols: number): Matrix {
  const y = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) y.data[i * cols + rng.int(cols)] = 1;
  return y;
}

const classes = (rng: Rng): number => 2 + rng.int(5);
const batch = (rng: Rng): number => 3 + rng.int(4);

function instance(rng: Rng, rows: number, centre: (row: number) => number, spread: number): [Matrix, Matrix] {
  const C = classes(rng);
  return [logits(rng, rows, C, centre, spread), oneHotRows(rng, rows, C)];
}

/** Ordinary logits, except that each row's correct class sits 800 to 1000 below the row's best logit: p_c underflows to 0. */
function confidentlyWrong(rng: Rng, rows: number): [Matrix, Matrix] {
  const [Z, Y] = instance(rng, rows, () => 0, 2);
  const C = Z.cols;
  for (let i = 0; i < rows; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, Z.data[i * C + j]);
    for (let j = 0; j < C; j++) if (Y.data[i * C + j] === 1) Z.data[i * C + j] = m - rng.uniform(800, 1000);
  }
  return [Z, Y];
}

/**
 * The mean softmax cross-entropy of a batch of logits Z against one-hot
 * labels Y, compared with the library's at ordinary logits, a batch of one
 * and of several rows, logits near ±1000, and rows where the correct class is
 * so unlikely that its probability underflows to 0 (only log-sum-exp stays finite).
 */
export default defineExercise({
  id: "cross-entropy-loss",
  title: "Softmax cross-entropy, computed stably",
  entry: ["crossEntropy"],
  check: {
    kind: "value",
    fn: "crossEntropy",
    args: ["Z", "Y"],
    reference: (Z, Y) => softmaxCrossEntropy(Z as Matrix, Y as Matrix).loss,
    cases: [
      { label: "a batch of ordinary logits", make: (rng) => instance(rng, batch(rng), () => 0, 2) },
      { label: "one row of ordinary logits", make: (rng) => instance(rng, 1, () => 0, 2) },
      { label: "large logits (around +1000)", make: (rng) => instance(rng, batch(rng), () => 1000, 5), stability: "e^1000 overflows to Infinity, and a probability formed before the log loses the small ones" },
      { label: "very negative logits (around −1000)", make: (rng) => instance(rng, batch(rng), () => -1000, 5), stability: "e^−1000 underflows to 0, and log 0 is −Infinity" },
      {
        label: "rows at very different scales",
        make: (rng) => instance(rng, batch(rng), (i) => (i % 2 === 0 ? 1000 : -1000), 5),
        stability: "rows around +1000 and −1000 in one batch: each row needs its own shift",
      },
      {
        label: "confidently wrong (correct class 800 or more below the best)",
        make: (rng) => confidentlyWrong(rng, batch(rng)),
        stability: "the correct class's probability rounds to 0, so −log p must be computed as log Σ e^z − z_c, never from p (log(p + ε) caps it near −log ε)",
      },
    ],
  },
  hints: [
    "Only the probability of the correct class matters: the loss of a row is −log p_c. Average the rows. Compute log p_c without ever forming p_c.",
    "log p_c = z_c − logsumexp(z), and logsumexp(z) = m + log Σⱼ e^(zⱼ − m) with m the row's maximum: no overflow, no log 0.",
    "For each row: m = max_j z[j]; lse = m + Math.log(Σ_j Math.exp(z[j] − m)); loss += Σ_j y[j] · (lse − z[j]). Return loss / Z.rows.",
  ],
});

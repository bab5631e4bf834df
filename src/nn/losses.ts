/**
 * Loss functions. Each returns the loss (one number for the whole batch) and
 * its gradient with respect to the prediction, ready to pass to the model's
 * `backward`. Losses are means over the batch, so the gradient carries the
 * 1/N and the learning rate does not have to change with the batch size.
 *
 * The two cross-entropies take logits (unnormalised scores), not
 * probabilities: combining the squashing function with the log lets us compute
 * log-probabilities without ever taking log(0), and the combined gradient is
 * the famously simple (p − y)/N.
 */
import { Matrix } from "./matrix.ts";
import { rowLogSumExp } from "./softmax.ts";

/** What every loss returns. */
export interface LossResult {
  /** The loss, averaged over the batch. */
  loss: number;
  /** dLoss/dPrediction, the prediction's shape (includes the 1/N of the mean). */
  grad: Matrix;
}

/** What the cross-entropy losses return: also the probabilities they computed from the logits. */
export interface ProbabilisticLossResult extends LossResult {
  /** Probabilities: softmax of the logits (row-wise) or sigmoid (element-wise). */
  probs: Matrix;
}

/** Class labels: one integer class index per row, or a one-hot (or soft-label) matrix. */
export type ClassLabels = Int32Array | number[] | Matrix;

/** Any loss: prediction (or logits) and target in, loss and gradient out. */
export type LossFunction = (prediction: Matrix, target: Matrix | Int32Array | number[]) => LossResult;

/** Throws `${op}: NaN in ${what} at (i, j)` at the first non-finite element. */
/**
 * Where a loss may write its gradient (and probabilities), instead of
 * allocating them: the training loop passes buffers it reuses every step.
 * Each must have the prediction's shape and must not be the prediction.
 */
export interface LossBuffers {
  grad?: Matrix;
  probs?: Matrix;
}

/** The given buffer after checking its shape, or a new matrix of the prediction's shape. */
function buffer(op: string, given: Matrix | undefined, pred: Matrix): Matrix {
  if (given === undefined) return new Matrix(pred.rows, pred.cols);
  if (given.rows !== pred.rows || given.cols !== pred.cols) throw new Error(`${op}: out buffer is ${given.shape}, expected ${pred.shape}`);
  if (given.data === pred.data) throw new Error(`${op}: out buffer must not be the prediction`);
  return given;
}

function checkFinite(op: string, what: string, m: Matrix): void {
  const D = m.data;
  for (let k = 0; k < D.length; k++) {
    if (!Number.isFinite(D[k])) {
      const i = Math.floor(k / m.cols), j = k - i * m.cols;
      throw new Error(`${op}: ${D[k]} in ${what} at (${i}, ${j})`);
    }
  }
}

function checkBatch(op: string, pred: Matrix): void {
  if (pred.rows === 0) throw new Error(`${op}: empty batch`);
  if (pred.cols === 0) throw new Error(`${op}: prediction ${pred.shape} has no columns`);
}

/** Accepts a target matrix of the prediction's shape, or a flat array for a one-column prediction. */
function targetMatrix(op: string, target: Matrix | Int32Array | number[], pred: Matrix): Matrix {
  let t: Matrix;
  if (target instanceof Matrix) {
    t = target;
  } else if (Array.isArray(target) || target instanceof Int32Array) {
    if (pred.cols !== 1) {
      throw new Error(`${op}: a flat target of ${target.length} values needs a 1-column prediction, got ${pred.shape}`);
    }
    t = new Matrix(target.length, 1, Float64Array.from(target as ArrayLike<number>));
  } else {
    throw new Error(`${op}: target must be a Matrix or an array, got ${typeof target}`);
  }
  if (t.rows !== pred.rows || t.cols !== pred.cols) throw new Error(`${op}: shape mismatch ${pred.shape} vs ${t.shape}`);
  return t;
}

/**
 * Mean squared error over all elements: L = (1 / (N·K)) Σᵢⱼ (predᵢⱼ − targetᵢⱼ)²
 * for an N×K prediction, so with one output (K = 1) it is the mean over the
 * batch. Gradient 2(pred − target) / (N·K).
 * @param target a matrix of pred's shape, or a flat array when pred is N×1.
 * @param out optional buffer for the gradient ({@link LossBuffers}).
 * @throws `mse: empty batch`, `mse: shape mismatch 3x1 vs 2x1`, `mse: NaN in prediction at (2, 0)`.
 */
export function mse(pred: Matrix, target: Matrix | Int32Array | number[], out?: LossBuffers): LossResult {
  checkBatch("mse", pred);
  const t = targetMatrix("mse", target, pred);
  checkFinite("mse", "prediction", pred);
  checkFinite("mse", "target", t);
  const P = pred.data, T = t.data;
  const grad = buffer("mse", out?.grad, pred);
  const G = grad.data;
  const scale = 1 / P.length;
  let s = 0;
  for (let k = 0; k < P.length; k++) {
    const d = P[k] - T[k];
    s += d * d;
    G[k] = 2 * d * scale;
  }
  return { loss: s * scale, grad };
}

/**
 * Binary cross-entropy on logits, averaged over all elements (each column is an
 * independent yes/no output): per element
 * ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^{−|z|}),
 * the right-hand form being finite for any finite z (no log(0), no overflow).
 * Gradient (σ(z) − y) / (N·K). Targets may be soft (any value in [0, 1]).
 * @param targets01 a matrix of the logits' shape, or a flat 0/1 array for N×1 logits.
 * @param out optional buffers for the gradient and probabilities ({@link LossBuffers}).
 * @throws `binaryCrossEntropyWithLogits: target 2 at (1, 0) is outside [0, 1]`, and the errors of `mse`.
 */
export function binaryCrossEntropyWithLogits(logits: Matrix, targets01: Matrix | Int32Array | number[], out?: LossBuffers): ProbabilisticLossResult {
  const op = "binaryCrossEntropyWithLogits";
  checkBatch(op, logits);
  const t = targetMatrix(op, targets01, logits);
  checkFinite(op, "logits", logits);
  checkFinite(op, "target", t);
  const Z = logits.data, Y = t.data;
  const grad = buffer(op, out?.grad, logits);
  const probs = buffer(op, out?.probs, logits);
  const G = grad.data, P = probs.data;
  const scale = 1 / Z.length;
  let s = 0;
  for (let k = 0; k < Z.length; k++) {
    const z = Z[k], y = Y[k];
    if (!(y >= 0 && y <= 1)) {
      const i = Math.floor(k / t.cols);
      throw new Error(`${op}: target ${y} at (${i}, ${k - i * t.cols}) is outside [0, 1]`);
    }
    const e = Math.exp(-Math.abs(z)); // in (0, 1]: never overflows
    s += Math.max(z, 0) - z * y + Math.log1p(e);
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    P[k] = p;
    G[k] = (p - y) * scale;
  }
  return { loss: s * scale, grad, probs };
}

/**
 * Softmax cross-entropy on logits, averaged over the batch:
 * L = (1/N) Σᵢ [logsumexp(zᵢ) − Σⱼ yᵢⱼ zᵢⱼ] = −(1/N) Σᵢ log p_{i,labelᵢ},
 * computed through log-sum-exp so logits of ±1000 stay finite.
 * Gradient (p − y) / N, with p = softmax(z) (also returned as `probs`).
 * An untrained classifier with C classes starts near ln C.
 * @param labels one class index per row (`Int32Array` or `number[]`), or an
 *   N×C one-hot matrix (soft labels allowed: rows of non-negative values summing to 1).
 * @param out optional buffers for the gradient and probabilities ({@link LossBuffers}).
 * @throws `softmaxCrossEntropy: empty batch`, `softmaxCrossEntropy: 4 labels for 5 rows`,
 *   `softmaxCrossEntropy: label 3 at row 1 is out of range for 3 classes`,
 *   `softmaxCrossEntropy: NaN in logits at (2, 0)`.
 */
export function softmaxCrossEntropy(logits: Matrix, labels: ClassLabels, out?: LossBuffers): ProbabilisticLossResult {
  const op = "softmaxCrossEntropy";
  checkBatch(op, logits);
  checkFinite(op, "logits", logits);
  const N = logits.rows, C = logits.cols;
  const Z = logits.data;
  const probs = buffer(op, out?.probs, logits);
  const grad = buffer(op, out?.grad, logits);
  const P = probs.data, G = grad.data;
  const inv = 1 / N;
  let s = 0;
  let Y: Float64Array | null = null;
  let idx: ArrayLike<number> | null = null;
  if (labels instanceof Matrix) {
    if (labels.rows !== N || labels.cols !== C) throw new Error(`${op}: shape mismatch ${logits.shape} vs ${labels.shape}`);
    checkFinite(op, "labels", labels);
    Y = labels.data;
    for (let i = 0; i < N; i++) {
      let rowSum = 0;
      for (let j = 0; j < C; j++) {
        const y = Y[i * C + j];
        if (y < 0) throw new Error(`${op}: label matrix has ${y} at (${i}, ${j}); expected probabilities ≥ 0`);
        rowSum += y;
      }
      if (Math.abs(rowSum - 1) > 1e-6) throw new Error(`${op}: label row ${i} sums to ${rowSum}, expected 1 (one-hot)`);
    }
  } else if (Array.isArray(labels) || labels instanceof Int32Array) {
    if (labels.length !== N) throw new Error(`${op}: ${labels.length} labels for ${N} rows`);
    for (let i = 0; i < N; i++) {
      const c = labels[i];
      if (!Number.isInteger(c) || c < 0 || c >= C) {
        throw new Error(`${op}: label ${c} at row ${i} is out of range for ${C} classes`);
      }
    }
    idx = labels;
  } else {
    throw new Error(`${op}: labels must be an Int32Array, a number[] or a one-hot Matrix`);
  }
  for (let i = 0; i < N; i++) {
    const r = i * C;
    const lse = rowLogSumExp(Z, r, C);
    // p = e^{z − lse}: the same stable softmax, reusing the log-sum-exp.
    for (let j = 0; j < C; j++) P[r + j] = Math.exp(Z[r + j] - lse);
    if (idx) {
      const c = idx[i];
      s += lse - Z[r + c];
      for (let j = 0; j < C; j++) G[r + j] = P[r + j] * inv;
      G[r + c] -= inv;
    } else {
      const Yd = Y as Float64Array;
      for (let j = 0; j < C; j++) {
        s += Yd[r + j] * (lse - Z[r + j]);
        G[r + j] = (P[r + j] - Yd[r + j]) * inv;
      }
    }
  }
  return { loss: s * inv, grad, probs };
}

const losses: Record<string, LossFunction> = {
  mse,
  binaryCrossEntropyWithLogits,
  bce: binaryCrossEntropyWithLogits,
  softmaxCrossEntropy,
  crossEntropy: softmaxCrossEntropy,
};

/** Names accepted by `loss(name)` (`"bce"` and `"crossEntropy"` are short forms). */
export const lossNames: readonly string[] = Object.keys(losses);

/**
 * Looks up a loss by name: `"mse"`, `"binaryCrossEntropyWithLogits"` (or
 * `"bce"`), `"softmaxCrossEntropy"` (or `"crossEntropy"`). A function passes through.
 * @throws `unknown loss: foo (known: mse, ...)`.
 */
export function loss(name: string | LossFunction): LossFunction {
  if (typeof name === "function") return name;
  const fn = typeof name === "string" && Object.hasOwn(losses, name) ? losses[name] : undefined;
  if (!fn) throw new Error(`unknown loss: ${String(name)} (known: ${lossNames.join(", ")})`);
  return fn;
}

/**
 * How often a classifier is right. Works from logits or probabilities alike,
 * because both pick the same class.
 */
import { Matrix } from "./matrix.ts";

/** Options for {@link accuracy}. */
export interface AccuracyOptions {
  /**
   * For a single output column (binary classification) the predicted class is
   * 1 when the output is > threshold. Default 0.5, right for probabilities
   * (sigmoid outputs); use 0 for logits.
   */
  threshold?: number;
}

/**
 * Fraction of rows whose predicted class matches the label, in [0, 1].
 *
 * - `predictions` with several columns: the predicted class is the row's argmax
 *   (logits and softmax probabilities give the same answer).
 * - One column: class 1 when the value is > `threshold` (default 0.5).
 * - `labels`: class indices (`Int32Array` or `number[]`), a one-hot matrix
 *   (argmax per row), or a 0/1 column.
 * @throws for an empty batch, row counts that differ, a NaN prediction (naming its row), or a one-hot matrix of the wrong width.
 */
export function accuracy(predictions: Matrix, labels: ArrayLike<number> | Matrix, opts: AccuracyOptions = {}): number {
  const n = predictions.rows;
  const nLabels = labels instanceof Matrix ? labels.rows : labels.length;
  if (nLabels !== n) throw new Error(`accuracy: predictions have ${n} rows (${predictions.shape}) but labels have ${nLabels}`);
  if (n === 0) throw new Error("accuracy: empty batch");
  const k = predictions.cols;
  if (k === 0) throw new Error(`accuracy: predictions have no columns (${predictions.shape})`);
  const threshold = opts.threshold ?? 0.5;
  const truth = labelsToClasses(labels, k);
  const p = predictions.data;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let cls: number;
    if (k === 1) {
      const v = p[i];
      if (Number.isNaN(v)) throw new Error(`accuracy: NaN in prediction at (${i}, 0)`);
      cls = v > threshold ? 1 : 0;
    } else {
      cls = 0;
      let best = p[i * k];
      if (Number.isNaN(best)) throw new Error(`accuracy: NaN in prediction at (${i}, 0)`);
      for (let j = 1; j < k; j++) {
        const v = p[i * k + j];
        if (Number.isNaN(v)) throw new Error(`accuracy: NaN in prediction at (${i}, ${j})`);
        if (v > best) { best = v; cls = j; }
      }
    }
    if (cls === truth[i]) correct++;
  }
  return correct / n;
}

function labelsToClasses(labels: ArrayLike<number> | Matrix, predCols: number): ArrayLike<number> {
  if (!(labels instanceof Matrix)) return labels;
  if (labels.cols === 1) {
    const out = new Int32Array(labels.rows);
    for (let i = 0; i < labels.rows; i++) out[i] = labels.data[i] > 0.5 ? 1 : 0;
    return out;
  }
  if (labels.cols !== predCols) throw new Error(`accuracy: one-hot labels are ${labels.shape} but predictions have ${predCols} columns`);
  const out = new Int32Array(labels.rows);
  const k = labels.cols;
  for (let i = 0; i < labels.rows; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (labels.data[i * k + j] > labels.data[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

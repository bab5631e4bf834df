/**
 * Softmax and log-sum-exp, row by row (one example per row).
 *
 * softmax(z)ᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}. Adding a constant to every zᵢ changes
 * nothing, so we subtract the row's maximum first: the largest exponent is then
 * e⁰ = 1 and nothing overflows, even for logits around 1000.
 */
import { Matrix } from "./matrix.ts";
import { assertSameShape } from "./guards.ts";

/**
 * Row-wise softmax: each row becomes a probability distribution.
 * A row containing NaN gives NaN (it is not hidden); a row with +Infinity
 * puts all the mass on the infinite entries.
 * @param out optional destination of z's shape (may be z itself).
 */
export function softmax(z: Matrix, out?: Matrix): Matrix {
  const res = out ?? new Matrix(z.rows, z.cols);
  assertSameShape("softmax", z, res);
  const Z = z.data, P = res.data, n = z.cols;
  for (let i = 0; i < z.rows; i++) {
    const r = i * n;
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (Z[r + j] > max) max = Z[r + j];
    if (max === Infinity) {
      // e^{∞−∞} is NaN; the limit shares the mass among the infinite entries.
      let count = 0;
      for (let j = 0; j < n; j++) if (Z[r + j] === Infinity) count++;
      for (let j = 0; j < n; j++) P[r + j] = Z[r + j] === Infinity ? 1 / count : Number.isNaN(Z[r + j]) ? NaN : 0;
      continue;
    }
    let s = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(Z[r + j] - max);
      P[r + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < n; j++) P[r + j] *= inv;
  }
  return res;
}

/**
 * Row-wise log Σⱼ e^{zⱼ}, computed as m + log Σⱼ e^{zⱼ − m} with m the row
 * maximum (stable for large logits). Returns one value per row.
 */
export function logSumExp(z: Matrix): Float64Array {
  const out = new Float64Array(z.rows);
  const Z = z.data, n = z.cols;
  for (let i = 0; i < z.rows; i++) out[i] = rowLogSumExp(Z, i * n, n);
  return out;
}

/** log Σ e^{Z[r..r+n)} with the max subtracted; −Infinity for an empty row, ±Infinity/NaN passed through. */
export function rowLogSumExp(Z: ArrayLike<number>, r: number, n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = Z[r + j];
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  if (max === -Infinity || max === Infinity) return max;
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.exp(Z[r + j] - max);
  return max + Math.log(s);
}

/**
 * Backward through a row-wise softmax (a vector-Jacobian product): given the
 * probabilities p = softmax(z) and the upstream gradient dP = ∂L/∂p, returns
 * dZ = ∂L/∂z = p ⊙ (dP − rowsum(dP ⊙ p)).
 *
 * That is Jᵀ·dP for the Jacobian J = diag(p) − ppᵀ of each row, without ever
 * building the n×n matrix.
 * @param p the softmax output (not the logits).
 * @param out optional destination (may be dP).
 * @throws `softmaxBackward: shape mismatch 2x3 vs 3x2`.
 */
export function softmaxBackward(p: Matrix, dP: Matrix, out?: Matrix): Matrix {
  assertSameShape("softmaxBackward", p, dP);
  const res = out ?? new Matrix(p.rows, p.cols);
  assertSameShape("softmaxBackward", p, res);
  const P = p.data, D = dP.data, R = res.data, n = p.cols;
  for (let i = 0; i < p.rows; i++) {
    const r = i * n;
    let dot = 0;
    for (let j = 0; j < n; j++) dot += D[r + j] * P[r + j];
    for (let j = 0; j < n; j++) R[r + j] = P[r + j] * (D[r + j] - dot);
  }
  return res;
}

/**
 * The softmax Jacobian-vector product J·v for each row (J is symmetric, so this
 * equals the vector-Jacobian product `softmaxBackward`): how the probabilities
 * move when the logits move by v.
 */
export function softmaxJvp(p: Matrix, v: Matrix, out?: Matrix): Matrix {
  return softmaxBackward(p, v, out);
}

/**
 * The full Jacobian ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ), i.e. diag(p) − ppᵀ, of one
 * probability row — for teaching (training never builds it).
 * @param p probabilities as a flat array or a 1×n matrix.
 * @throws `softmaxJacobian: expected one row, got 3x2`.
 */
export function softmaxJacobian(p: Matrix | ArrayLike<number>): Matrix {
  let row: ArrayLike<number>;
  if (p instanceof Matrix) {
    if (p.rows !== 1) throw new Error(`softmaxJacobian: expected one row, got ${p.shape}`);
    row = p.data;
  } else {
    row = p;
  }
  const n = row.length;
  const J = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) J.data[i * n + j] = row[i] * ((i === j ? 1 : 0) - row[j]);
  }
  return J;
}

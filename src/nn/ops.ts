/**
 * Operations on `Matrix`: products, element-wise arithmetic, broadcasting and
 * reductions.
 *
 * The three products decide training speed (a dense layer does one product
 * forward and two backward), so they are written for the machine: they walk
 * `Float64Array`s directly with hoisted row offsets, keep the innermost loop
 * contiguous in memory, and unroll the shared dimension by four so each pass
 * over an output row does four multiply-adds per load and store. Everything
 * else favours plain, readable loops.
 *
 * Many functions accept an optional `out` matrix so hot paths (training
 * loops) can reuse buffers instead of allocating each step. `out` must have
 * the result's shape; element-wise ops allow `out` to be one of the inputs,
 * products do not (they read inputs while writing the result).
 */
import { Matrix } from "./matrix.ts";

/**
 * Throws `${op}: shape mismatch AxB vs CxD` unless `a` and `b` have the same shape.
 * @param op name of the calling operation, used as the error's prefix.
 */
export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${op}: shape mismatch ${a.shape} vs ${b.shape}`);
  }
}

/** Returns `out` after checking its shape, or a fresh zero matrix when `out` is omitted. */
function target(op: string, rows: number, cols: number, out: Matrix | undefined): Matrix {
  if (!out) return new Matrix(rows, cols);
  if (out.rows !== rows || out.cols !== cols) {
    throw new Error(`${op}: out is ${out.shape}, expected ${rows}x${cols}`);
  }
  return out;
}

/** Products read their inputs while writing: an `out` sharing storage with an input would corrupt the result. */
function noAlias(op: string, out: Matrix, a: Matrix, b: Matrix): void {
  if (overlaps(out.data, a.data) || overlaps(out.data, b.data)) {
    throw new Error(`${op}: out must not share storage with an input`);
  }
}

/** True when two arrays are views onto overlapping bytes of one buffer. */
function overlaps(x: Float64Array, y: Float64Array): boolean {
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/**
 * Matrix product a·b (m×k · k×n → m×n).
 *
 * Loop order i-k-j: for each row i of a and each k, row k of b is scaled by
 * a[i,k] and added to row i of the result, so the inner loop streams two
 * contiguous rows. k is unrolled by four (four rows of b per pass over the
 * output row).
 * @param out optional m×n destination (overwritten; must not alias a or b).
 * @param accumulate when true, adds a·b into `out` instead of overwriting it.
 * @throws `matmul: shape mismatch 3x2 · 3x4` when a.cols ≠ b.rows.
 */
export function matmul(a: Matrix, b: Matrix, out?: Matrix, accumulate = false): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: shape mismatch ${a.shape} · ${b.shape}`);
  const m = a.rows, K = a.cols, n = b.cols;
  const c = target("matmul", m, n, out);
  if (out) {
    noAlias("matmul", c, a, b);
    if (!accumulate) c.data.fill(0);
  }
  const A = a.data, B = b.data, C = c.data;
  const K4 = K - (K % 4);
  for (let i = 0; i < m; i++) {
    const ai = i * K;
    const ci = i * n;
    let k = 0;
    for (; k < K4; k += 4) {
      const a0 = A[ai + k], a1 = A[ai + k + 1], a2 = A[ai + k + 2], a3 = A[ai + k + 3];
      const b0 = k * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        C[ci + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
      }
    }
    for (; k < K; k++) {
      const a0 = A[ai + k];
      const b0 = k * n;
      for (let j = 0; j < n; j++) C[ci + j] += a0 * B[b0 + j];
    }
  }
  return c;
}

/**
 * aᵀ·b without building the transpose (m×k, m×n → k×n). The backward pass of a
 * dense layer uses it for dW = Xᵀ·dZ.
 *
 * It sums outer products of matching rows: row r of a and row r of b add
 * a[r,i]·b[r,:] into row i of the result, so every inner loop is contiguous.
 * r is unrolled by four.
 * @param out optional k×n destination (overwritten; must not alias a or b).
 * @param accumulate when true, adds aᵀ·b into `out` (how backward accumulates dW).
 * @throws `matmulTransA: shape mismatch (3x2)ᵀ · 4x4` when a.rows ≠ b.rows.
 */
export function matmulTransA(a: Matrix, b: Matrix, out?: Matrix, accumulate = false): Matrix {
  if (a.rows !== b.rows) throw new Error(`matmulTransA: shape mismatch (${a.shape})ᵀ · ${b.shape}`);
  const m = a.rows, K = a.cols, n = b.cols;
  const c = target("matmulTransA", K, n, out);
  if (out) {
    noAlias("matmulTransA", c, a, b);
    if (!accumulate) c.data.fill(0);
  }
  const A = a.data, B = b.data, C = c.data;
  const m4 = m - (m % 4);
  let r = 0;
  for (; r < m4; r += 4) {
    const a0r = r * K, a1r = a0r + K, a2r = a1r + K, a3r = a2r + K;
    const b0 = r * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
    for (let i = 0; i < K; i++) {
      const a0 = A[a0r + i], a1 = A[a1r + i], a2 = A[a2r + i], a3 = A[a3r + i];
      const ci = i * n;
      for (let j = 0; j < n; j++) {
        C[ci + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
      }
    }
  }
  for (; r < m; r++) {
    const ar = r * K, b0 = r * n;
    for (let i = 0; i < K; i++) {
      const a0 = A[ar + i];
      const ci = i * n;
      for (let j = 0; j < n; j++) C[ci + j] += a0 * B[b0 + j];
    }
  }
  return c;
}

/**
 * a·bᵀ without building the transpose (m×k, n×k → m×n). The backward pass of a
 * dense layer uses it for dX = dZ·Wᵀ.
 *
 * Each result element is a dot product of two contiguous rows; four rows of b
 * are taken at once so each element of a's row is loaded once per four outputs.
 * @param out optional m×n destination (overwritten; must not alias a or b).
 * @param accumulate when true, adds a·bᵀ into `out`.
 * @throws `matmulTransB: shape mismatch 3x2 · (4x3)ᵀ` when a.cols ≠ b.cols.
 */
export function matmulTransB(a: Matrix, b: Matrix, out?: Matrix, accumulate = false): Matrix {
  if (a.cols !== b.cols) throw new Error(`matmulTransB: shape mismatch ${a.shape} · (${b.shape})ᵀ`);
  const m = a.rows, K = a.cols, n = b.rows;
  const c = target("matmulTransB", m, n, out);
  if (out) noAlias("matmulTransB", c, a, b);
  const add = out !== undefined && accumulate;
  const A = a.data, B = b.data, C = c.data;
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i++) {
    const ai = i * K, ci = i * n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < K; k++) {
        const x = A[ai + k];
        s0 += x * B[b0 + k];
        s1 += x * B[b1 + k];
        s2 += x * B[b2 + k];
        s3 += x * B[b3 + k];
      }
      if (add) {
        C[ci + j] += s0; C[ci + j + 1] += s1; C[ci + j + 2] += s2; C[ci + j + 3] += s3;
      } else {
        C[ci + j] = s0; C[ci + j + 1] = s1; C[ci + j + 2] = s2; C[ci + j + 3] = s3;
      }
    }
    for (; j < n; j++) {
      const b0 = j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[ai + k] * B[b0 + k];
      C[ci + j] = add ? C[ci + j] + s : s;
    }
  }
  return c;
}

/** The transpose (m×n → n×m). */
export function transpose(a: Matrix, out?: Matrix): Matrix {
  const m = a.rows, n = a.cols;
  const t = target("transpose", n, m, out);
  if (out && overlaps(out.data, a.data) && m * n > 1) {
    throw new Error("transpose: out must not share storage with the input");
  }
  const A = a.data, T = t.data;
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < n; j++) T[j * m + i] = A[ai + j];
  }
  return t;
}

/**
 * Element-wise a + b.
 * @param out optional destination of the same shape (may be a or b).
 * @throws `add: shape mismatch 2x3 vs 3x2`.
 */
export function add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape("add", a, b);
  const c = target("add", a.rows, a.cols, out);
  const A = a.data, B = b.data, C = c.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] + B[i];
  return c;
}

/**
 * Element-wise a − b.
 * @param out optional destination of the same shape (may be a or b).
 * @throws `sub: shape mismatch 2x3 vs 3x2`.
 */
export function sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape("sub", a, b);
  const c = target("sub", a.rows, a.cols, out);
  const A = a.data, B = b.data, C = c.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] - B[i];
  return c;
}

/**
 * Element-wise (Hadamard) product a ⊙ b — not the matrix product (that is `matmul`).
 * @param out optional destination of the same shape (may be a or b).
 * @throws `mul: shape mismatch 2x3 vs 3x2`.
 */
export function mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape("mul", a, b);
  const c = target("mul", a.rows, a.cols, out);
  const A = a.data, B = b.data, C = c.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] * B[i];
  return c;
}

/**
 * s · a for a number s.
 * @param out optional destination of the same shape (may be a).
 */
export function scale(a: Matrix, s: number, out?: Matrix): Matrix {
  const c = target("scale", a.rows, a.cols, out);
  const A = a.data, C = c.data;
  for (let i = 0; i < A.length; i++) C[i] = s * A[i];
  return c;
}

/**
 * Applies f to every element; f also receives the element's row and column.
 * @param out optional destination of the same shape (may be x).
 */
export function map(x: Matrix, f: (v: number, i: number, j: number) => number, out?: Matrix): Matrix {
  const c = target("map", x.rows, x.cols, out);
  const X = x.data, C = c.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) C[r + j] = f(X[r + j], i, j);
  }
  return c;
}

/**
 * Adds the 1×n row vector b to every row of the m×n matrix x (the bias of a
 * dense layer: Z = X·W + b).
 * @param out optional m×n destination (may be x).
 * @throws `addRowVector: shape mismatch 4x3 + 1x2` unless b is 1×x.cols.
 */
export function addRowVector(x: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (b.rows !== 1 || b.cols !== x.cols) throw new Error(`addRowVector: shape mismatch ${x.shape} + ${b.shape}`);
  const c = target("addRowVector", x.rows, x.cols, out);
  const X = x.data, B = b.data, C = c.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) C[r + j] = X[r + j] + B[j];
  }
  return c;
}

/**
 * Column sums as a 1×n row: the sum over the rows (the batch) of an m×n matrix.
 * The bias gradient of a dense layer is `sumRows(dZ)`.
 * @param out optional 1×n destination (overwritten unless `accumulate`).
 * @param accumulate when true, adds the sums into `out`.
 */
export function sumRows(x: Matrix, out?: Matrix, accumulate = false): Matrix {
  const c = target("sumRows", 1, x.cols, out);
  if (out && !accumulate) c.data.fill(0);
  const X = x.data, C = c.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) C[j] += X[r + j];
  }
  return c;
}

/** Sum of all elements. */
export function sum(x: Matrix): number {
  let s = 0;
  const X = x.data;
  for (let i = 0; i < X.length; i++) s += X[i];
  return s;
}

/**
 * Index of the largest element of each row (the predicted class of each
 * example). Ties go to the first index; a row containing NaN reports the NaN's
 * index so a broken model is visible rather than silently "predicting" class 0.
 * @throws `argmaxRows: matrix 3x0 has no columns` when there is nothing to choose from.
 */
export function argmaxRows(x: Matrix): Int32Array {
  const out = new Int32Array(x.rows);
  if (x.rows === 0) return out;
  if (x.cols === 0) throw new Error(`argmaxRows: matrix ${x.shape} has no columns`);
  const X = x.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    const r = i * n;
    let best = 0, bestV = X[r];
    if (Number.isNaN(bestV)) { out[i] = 0; continue; }
    for (let j = 1; j < n; j++) {
      const v = X[r + j];
      if (Number.isNaN(v)) { best = j; break; }
      if (v > bestV) { bestV = v; best = j; }
    }
    out[i] = best;
  }
  return out;
}

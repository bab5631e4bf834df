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
import { wasmProduct } from "./wasm-kernel.ts";
import { assertSameShape } from "./guards.ts";

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
 * The one product kernel: C (m×n) += Â·B where Â is m×K, read from `A` with
 * element (i, k) at `A[i*rs + k*cs]` (rs = K, cs = 1 for a; rs = 1, cs = rows
 * for aᵀ, so the transpose is never built), and B is a row-major K×n array.
 *
 * Loop order i-k-j, register-blocked 4×4: four rows of C are updated together
 * from four rows of B, so each pass of the contiguous inner j-loop loads four
 * values of B and updates four of C with sixteen multiply-adds, whose sixteen
 * coefficients of Â sit in locals. This runs about twice as fast as the plain
 * i-k-j loop in V8 (measured 5.5 vs 2.8 GFLOP/s on 1024×64·64×64).
 * Edges (m or K not a multiple of 4) fall back to narrower loops.
 */
function kernel(A: Float64Array, rs: number, cs: number, B: Float64Array, C: Float64Array, m: number, K: number, n: number): void {
  const K4 = K - (K % 4);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const p0 = i * rs, p1 = p0 + rs, p2 = p1 + rs, p3 = p2 + rs;
    const c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
    let k = 0;
    for (; k < K4; k += 4) {
      const q0 = k * cs, q1 = q0 + cs, q2 = q1 + cs, q3 = q2 + cs;
      const a00 = A[p0 + q0], a01 = A[p0 + q1], a02 = A[p0 + q2], a03 = A[p0 + q3];
      const a10 = A[p1 + q0], a11 = A[p1 + q1], a12 = A[p1 + q2], a13 = A[p1 + q3];
      const a20 = A[p2 + q0], a21 = A[p2 + q1], a22 = A[p2 + q2], a23 = A[p2 + q3];
      const a30 = A[p3 + q0], a31 = A[p3 + q1], a32 = A[p3 + q2], a33 = A[p3 + q3];
      const b0 = k * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const x0 = B[b0 + j], x1 = B[b1 + j], x2 = B[b2 + j], x3 = B[b3 + j];
        C[c0 + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        C[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        C[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        C[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
    }
    // The last K mod 4 values of k in one pass (matters when K itself is 1–3,
    // e.g. the 2 inputs of a first layer or the 3 classes of a last one).
    const rem = K - k;
    if (rem === 3) {
      const q0 = k * cs, q1 = q0 + cs, q2 = q1 + cs;
      const a00 = A[p0 + q0], a01 = A[p0 + q1], a02 = A[p0 + q2];
      const a10 = A[p1 + q0], a11 = A[p1 + q1], a12 = A[p1 + q2];
      const a20 = A[p2 + q0], a21 = A[p2 + q1], a22 = A[p2 + q2];
      const a30 = A[p3 + q0], a31 = A[p3 + q1], a32 = A[p3 + q2];
      const b0 = k * n, b1 = b0 + n, b2 = b1 + n;
      for (let j = 0; j < n; j++) {
        const x0 = B[b0 + j], x1 = B[b1 + j], x2 = B[b2 + j];
        C[c0 + j] += a00 * x0 + a01 * x1 + a02 * x2;
        C[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2;
        C[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2;
        C[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2;
      }
    } else if (rem === 2) {
      const q0 = k * cs, q1 = q0 + cs;
      const a00 = A[p0 + q0], a01 = A[p0 + q1], a10 = A[p1 + q0], a11 = A[p1 + q1];
      const a20 = A[p2 + q0], a21 = A[p2 + q1], a30 = A[p3 + q0], a31 = A[p3 + q1];
      const b0 = k * n, b1 = b0 + n;
      for (let j = 0; j < n; j++) {
        const x0 = B[b0 + j], x1 = B[b1 + j];
        C[c0 + j] += a00 * x0 + a01 * x1;
        C[c1 + j] += a10 * x0 + a11 * x1;
        C[c2 + j] += a20 * x0 + a21 * x1;
        C[c3 + j] += a30 * x0 + a31 * x1;
      }
    } else if (rem === 1) {
      const q = k * cs;
      const a0 = A[p0 + q], a1 = A[p1 + q], a2 = A[p2 + q], a3 = A[p3 + q];
      const b0 = k * n;
      for (let j = 0; j < n; j++) {
        const x = B[b0 + j];
        C[c0 + j] += a0 * x;
        C[c1 + j] += a1 * x;
        C[c2 + j] += a2 * x;
        C[c3 + j] += a3 * x;
      }
    }
  }
  for (; i < m; i++) {
    const p0 = i * rs, c0 = i * n;
    let k = 0;
    for (; k < K4; k += 4) {
      const a0 = A[p0 + k * cs], a1 = A[p0 + (k + 1) * cs], a2 = A[p0 + (k + 2) * cs], a3 = A[p0 + (k + 3) * cs];
      const b0 = k * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        C[c0 + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
      }
    }
    for (; k < K; k++) {
      const a0 = A[p0 + k * cs], b0 = k * n;
      for (let j = 0; j < n; j++) C[c0 + j] += a0 * B[b0 + j];
    }
  }
}

/**
 * Below this many multiply-adds a product stays in TypeScript: copying the
 * operands into WebAssembly memory and calling out costs more than the SIMD
 * kernel saves on the small matrices of the early chapters (XOR-sized nets).
 */
const WASM_MIN_WORK = 4096;

/**
 * What the destination C holds before a product adds into it: its current
 * contents (`"accumulate"`, how backward adds into dW), zeros (`"zero"`), or
 * one row repeated down every row (a bias, how a dense layer's forward starts
 * Z at b). Saying it instead of preparing C first lets the WebAssembly kernel
 * set C up in its own memory rather than copy a prepared C there.
 */
export type ProductStart = "accumulate" | "zero" | Float64Array;

/**
 * Runs `kernel`, or the same kernel compiled to WebAssembly SIMD (wasm-kernel.ts,
 * bit-for-bit equal results) when it is available and the product is big enough.
 */
function product(A: Float64Array, rs: number, cs: number, B: Float64Array, C: Float64Array, m: number, K: number, n: number, start: ProductStart): void {
  if (m * K * n >= WASM_MIN_WORK && wasmProduct(A, rs, cs, B, C, m, K, n, start)) return;
  if (start === "zero") C.fill(0);
  else if (start !== "accumulate") for (let r = 0; r < C.length; r += n) C.set(start, r);
  kernel(A, rs, cs, B, C, m, K, n);
}

/** Prepares the destination of a product: checks shape and aliasing (the product itself sets its start, see `ProductStart`). */
function productTarget(op: string, rows: number, cols: number, a: Matrix, b: Matrix, out: Matrix | undefined): Matrix {
  const c = target(op, rows, cols, out);
  if (out) noAlias(op, c, a, b);
  return c;
}

/** A fresh destination is zeros already: "accumulate" onto it skips zeroing it twice. */
const startOf = (out: Matrix | undefined, accumulate: boolean): ProductStart => (accumulate || !out ? "accumulate" : "zero");

/**
 * Matrix product a·b (m×k · k×n → m×n).
 * @param out optional m×n destination (overwritten; must not share storage with a or b).
 * @param accumulate when true, adds a·b into `out` instead of overwriting it.
 * @throws `matmul: shape mismatch 3x2 · 3x4` when a.cols ≠ b.rows.
 */
export function matmul(a: Matrix, b: Matrix, out?: Matrix, accumulate = false): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: shape mismatch ${a.shape} · ${b.shape}`);
  const c = productTarget("matmul", a.rows, b.cols, a, b, out);
  product(a.data, a.cols, 1, b.data, c.data, a.rows, a.cols, b.cols, startOf(out, accumulate));
  return c;
}

/**
 * x·w + b with the row b added to every row: a dense layer's forward pass.
 * Every row of the result starts at b and the product accumulates on top
 * (one pass fewer than adding b afterwards, and the order of the sums that
 * every version of the layer has used). Internal: the course's cells write
 * `addRowVector(matmul(x, w), b)`.
 * @param out optional destination (overwritten; must not share storage with x or w).
 */
export function affine(x: Matrix, w: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (x.cols !== w.rows) throw new Error(`affine: shape mismatch ${x.shape} · ${w.shape}`);
  if (b.rows !== 1 || b.cols !== w.cols) throw new Error(`affine: bias is ${b.shape}, expected 1x${w.cols}`);
  const c = productTarget("affine", x.rows, w.cols, x, w, out);
  product(x.data, x.cols, 1, w.data, c.data, x.rows, x.cols, w.cols, b.data);
  return c;
}

/**
 * aᵀ·b without building the transpose (m×k, m×n → k×n). The backward pass of a
 * dense layer uses it for dW = Xᵀ·dZ.
 * @param out optional k×n destination (overwritten; must not share storage with a or b).
 * @param accumulate when true, adds aᵀ·b into `out` (how backward accumulates dW).
 * @throws `matmulTransA: shape mismatch (3x2)ᵀ · 4x4` when a.rows ≠ b.rows.
 */
export function matmulTransA(a: Matrix, b: Matrix, out?: Matrix, accumulate = false): Matrix {
  if (a.rows !== b.rows) throw new Error(`matmulTransA: shape mismatch (${a.shape})ᵀ · ${b.shape}`);
  const c = productTarget("matmulTransA", a.cols, b.cols, a, b, out);
  // aᵀ is a.cols × a.rows with element (i, r) = a[r, i]: row stride 1, column stride a.cols.
  product(a.data, 1, a.cols, b.data, c.data, a.cols, a.rows, b.cols, startOf(out, accumulate));
  return c;
}

let scratch = new Float64Array(0);

/**
 * a·bᵀ (m×k, n×k → m×n). The backward pass of a dense layer uses it for
 * dX = dZ·Wᵀ.
 *
 * b is usually a small weight matrix and a a big batch, so b is copied once,
 * transposed, into a reused scratch buffer (k·n values) and the fast kernel
 * does the rest; the copy costs 1/m of the product. For very few rows the
 * copy would not pay off and the result is computed as row-by-row dot products.
 * @param out optional m×n destination (overwritten; must not share storage with a or b).
 * @param accumulate when true, adds a·bᵀ into `out`.
 * @throws `matmulTransB: shape mismatch 3x2 · (4x3)ᵀ` when a.cols ≠ b.cols.
 */
export function matmulTransB(a: Matrix, b: Matrix, out?: Matrix, accumulate = false): Matrix {
  if (a.cols !== b.cols) throw new Error(`matmulTransB: shape mismatch ${a.shape} · (${b.shape})ᵀ`);
  const m = a.rows, K = a.cols, n = b.rows;
  const c = productTarget("matmulTransB", m, n, a, b, out);
  const A = a.data, B = b.data, C = c.data;
  const start = startOf(out, accumulate);
  if (m < 4) {
    if (start === "zero") C.fill(0);
    for (let i = 0; i < m; i++) {
      const ai = i * K, ci = i * n;
      for (let j = 0; j < n; j++) {
        const bj = j * K;
        let s = 0;
        for (let k = 0; k < K; k++) s += A[ai + k] * B[bj + k];
        C[ci + j] += s;
      }
    }
    return c;
  }
  if (scratch.length < K * n) scratch = new Float64Array(K * n);
  const T = scratch;
  for (let j = 0; j < n; j++) {
    const bj = j * K;
    for (let k = 0; k < K; k++) T[k * n + j] = B[bj + k];
  }
  product(A, K, 1, T, C, m, K, n, start);
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
 * The bias gradient of a dense layer is `sumColumns(dZ)`.
 * @param out optional 1×n destination (overwritten unless `accumulate`).
 * @param accumulate when true, adds the sums into `out`.
 */
export function sumColumns(x: Matrix, out?: Matrix, accumulate = false): Matrix {
  const c = target("sumColumns", 1, x.cols, out);
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

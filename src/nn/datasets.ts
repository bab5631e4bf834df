/**
 * Small synthetic data sets for the course. Each one is seeded through the
 * caller's `Rng`, so a figure or a test sees the same points every time, and
 * each returns plain matrices: `x` has one example per row.
 *
 * Classification sets return integer labels (`Int32Array`) and the number of
 * classes; points are grouped by class (class 0 first). Use `oneHot` when a
 * loss needs one-hot targets, and `trainTestSplit` to hold points out.
 */
import { Matrix } from "./matrix.ts";
import type { Rng } from "./rng.ts";

/** A classification data set: inputs, integer labels 0..classes−1, and the class count. */
export interface ClassificationData {
  /** Inputs, one example per row. */
  x: Matrix;
  /** Class label of each row. */
  y: Int32Array;
  /** Number of classes. */
  classes: number;
}

/** A regression data set: inputs and real-valued targets (n×1). */
export interface RegressionData {
  /** Inputs, one example per row. */
  x: Matrix;
  /** Targets, one row per example. */
  y: Matrix;
}

/** Either kind of data set. */
export type Dataset = ClassificationData | RegressionData;

function checkRng(owner: string, rng: unknown): asserts rng is Rng {
  if (!rng || typeof (rng as Rng).next !== "function") {
    throw new Error(`${owner}: rng is required (pass createRng(seed)) so the data repeat`);
  }
}

function checkCount(owner: string, what: string, n: unknown, min: number): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < min) throw new Error(`${owner}: ${what} must be an integer >= ${min}, got ${String(n)}`);
  return n;
}

function checkNoise(owner: string, noise: unknown): number {
  if (typeof noise !== "number" || !Number.isFinite(noise) || noise < 0) throw new Error(`${owner}: noise must be >= 0, got ${String(noise)}`);
  return noise;
}

/** How many points a data set makes: the option's default and the least it accepts. */
type CountRule = readonly [fallback: number, min: number];

/**
 * The options every random data set shares, checked in the order a reader fixes them: the rng, then each point
 * count (its default filled in), then the noise level.
 */
function sampling<K extends string>(
  owner: string,
  opts: { rng: Rng; noise?: number } & { [key in NoInfer<K>]?: number },
  counts: Record<K, CountRule>,
  defaultNoise: number,
): { rng: Rng; noise: number } & Record<K, number> {
  checkRng(owner, opts?.rng);
  const checked = {} as Record<K, number>;
  for (const name of Object.keys(counts) as K[]) {
    const [fallback, min] = counts[name];
    checked[name] = checkCount(owner, name, opts[name] ?? fallback, min);
  }
  return { ...checked, rng: opts.rng, noise: checkNoise(owner, opts.noise ?? defaultNoise) };
}

/**
 * Two classes of `n` points along two curves (the outer one, class 0, gets the extra point when n is odd), with
 * Gaussian noise on both coordinates. `place(outer, i, count)` gives point i of the `count` on its curve.
 */
function twoCurves(n: number, noise: number, rng: Rng, place: (outer: boolean, i: number, count: number) => readonly [number, number]): ClassificationData {
  const nOuter = Math.ceil(n / 2), nInner = n - nOuter;
  const x = new Matrix(n, 2);
  const y = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const outer = k < nOuter;
    const [px, py] = place(outer, outer ? k : k - nOuter, outer ? nOuter : nInner);
    x.data[2 * k] = px + rng.normal(0, noise);
    x.data[2 * k + 1] = py + rng.normal(0, noise);
    y[k] = outer ? 0 : 1;
  }
  return { x, y, classes: 2 };
}

/**
 * The four XOR points `[[0,0],[0,1],[1,0],[1,1]]` with labels `[0,1,1,0]`:
 * the smallest problem no linear model can solve. Needs no rng (no randomness).
 */
export function xor(): ClassificationData {
  return { x: Matrix.from([[0, 0], [0, 1], [1, 0], [1, 1]]), y: Int32Array.from([0, 1, 1, 0]), classes: 2 };
}

/** Options for {@link spiral}. */
export interface SpiralOptions {
  /** Number of arms (classes), ≥ 2 (default 3). */
  classes?: number;
  /** Points per arm, ≥ 1 (default 100). */
  pointsPerClass?: number;
  /** Standard deviation of the Gaussian noise added to each point's angle, in radians (default 0.2). */
  noise?: number;
  /** Random source (required). */
  rng: Rng;
}

/**
 * Interleaved spiral arms, the CS231n classic: along arm c the radius grows
 * linearly from 0 to 1 while the angle sweeps 4 radians starting at 4c,
 * plus noise in the angle. Not linearly separable; a small MLP separates it.
 * Points lie in [−1, 1]².
 */
export function spiral(opts: SpiralOptions): ClassificationData {
  const { rng, classes, pointsPerClass: per, noise } = sampling("spiral", opts, { classes: [3, 2], pointsPerClass: [100, 1] }, 0.2);
  const n = classes * per;
  const x = new Matrix(n, 2);
  const y = new Int32Array(n);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < per; i++) {
      const k = c * per + i;
      const frac = per === 1 ? 0 : i / (per - 1);
      const r = frac;
      const t = c * 4 + frac * 4 + rng.normal(0, noise);
      x.data[2 * k] = r * Math.sin(t);
      x.data[2 * k + 1] = r * Math.cos(t);
      y[k] = c;
    }
  }
  return { x, y, classes };
}

/** Options for {@link moons}. */
export interface MoonsOptions {
  /** Total number of points, ≥ 2 (default 200); the outer moon gets the extra one when odd. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.1). */
  noise?: number;
  /** Random source (required). */
  rng: Rng;
}

/**
 * Two interleaving half circles (as scikit-learn's make_moons): class 0 is the
 * upper arc (cos t, sin t), class 1 the lower arc (1 − cos t, 0.5 − sin t),
 * t evenly spaced over [0, π], plus Gaussian noise on both coordinates.
 */
export function moons(opts: MoonsOptions): ClassificationData {
  const { rng, n, noise } = sampling("moons", opts, { n: [200, 2] }, 0.1);
  return twoCurves(n, noise, rng, (outer, i, count) => {
    const t = count === 1 ? 0 : (Math.PI * i) / (count - 1);
    return outer ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  });
}

/** Options for {@link circles}. */
export interface CirclesOptions {
  /** Total number of points, ≥ 2 (default 200); the outer circle gets the extra one when odd. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.05). */
  noise?: number;
  /** Radius of the inner circle relative to the outer (radius 1), in (0, 1) (default 0.5). */
  factor?: number;
  /** Random source (required). */
  rng: Rng;
}

/**
 * Two concentric circles (as scikit-learn's make_circles): class 0 on the
 * unit circle, class 1 on a circle of radius `factor`, angles evenly spaced,
 * plus Gaussian noise. Separable by radius, so not by any straight line.
 */
export function circles(opts: CirclesOptions): ClassificationData {
  const { rng, n, noise } = sampling("circles", opts, { n: [200, 2] }, 0.05);
  const factor = opts.factor ?? 0.5;
  if (typeof factor !== "number" || !(factor > 0 && factor < 1)) throw new Error(`circles: factor must be in (0, 1), got ${String(factor)}`);
  return twoCurves(n, noise, rng, (outer, i, count) => {
    const t = (2 * Math.PI * i) / count;
    const r = outer ? 1 : factor;
    return [r * Math.cos(t), r * Math.sin(t)];
  });
}

/** Options for {@link regression1d}. */
export interface Regression1dOptions {
  /** Number of points, ≥ 1 (default 100). */
  n?: number;
  /** The true function (default `x => Math.sin(3 * x)`). */
  f?: (x: number) => number;
  /** Standard deviation of the Gaussian noise added to each target (default 0.1). */
  noise?: number;
  /** Input interval [lo, hi] (default [−1, 1]). */
  domain?: [number, number];
  /** Random source (required). */
  rng: Rng;
}

/**
 * A noisy 1-D regression problem: x drawn uniformly from `domain` and sorted
 * (so a line plot of the data reads left to right), y = f(x) + noise.
 * @throws if `f` returns a non-finite value, naming x.
 */
export function regression1d(opts: Regression1dOptions): RegressionData {
  const { rng, n, noise } = sampling("regression1d", opts, { n: [100, 1] }, 0.1);
  const f = opts.f ?? ((v: number) => Math.sin(3 * v));
  if (typeof f !== "function") throw new Error(`regression1d: f must be a function, got ${String(f)}`);
  const [lo, hi] = opts.domain ?? [-1, 1];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new Error(`regression1d: domain must be [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = rng.uniform(lo, hi);
  xs.sort();
  const y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const fx = f(xs[i]);
    if (typeof fx !== "number" || !Number.isFinite(fx)) throw new Error(`regression1d: f(${xs[i]}) is ${String(fx)}, expected a finite number`);
    y.data[i] = fx + rng.normal(0, noise);
  }
  return { x: new Matrix(n, 1, xs), y };
}

/**
 * Splits a data set at random into train and test parts; the test part gets
 * round(n · testFraction) rows (at least one row stays in each part when n ≥ 2).
 * Rows keep their pairing of x and y; the class count is kept.
 * @throws for a fraction outside (0, 1), fewer than 2 rows, or x/y row counts that differ.
 */
export function trainTestSplit<D extends Dataset>(data: D, testFraction: number, rng: Rng): { train: D; test: D } {
  checkRng("trainTestSplit", rng);
  if (typeof testFraction !== "number" || !(testFraction > 0 && testFraction < 1)) {
    throw new Error(`trainTestSplit: testFraction must be in (0, 1), got ${String(testFraction)}`);
  }
  const n = data.x.rows;
  const yRows = data.y instanceof Matrix ? data.y.rows : data.y.length;
  if (yRows !== n) throw new Error(`trainTestSplit: x has ${n} rows but y has ${yRows}`);
  if (n < 2) throw new Error(`trainTestSplit: need at least 2 rows, got ${n}`);
  const nTest = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
  const perm = rng.permutation(n);
  const pick = (idx: Int32Array): D => {
    const part = { ...data, x: takeRows(data.x, idx), y: data.y instanceof Matrix ? takeRows(data.y, idx) : takeLabels(data.y, idx) };
    return part as D;
  };
  return { test: pick(perm.subarray(0, nTest)), train: pick(perm.subarray(nTest)) };
}

/**
 * One-hot encoding: row i has a 1 in column labels[i] and 0 elsewhere.
 * @throws for a label that is not an integer in [0, classes), naming it and its row.
 */
export function oneHot(labels: ArrayLike<number>, classes: number): Matrix {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`oneHot: classes must be a positive integer, got ${String(classes)}`);
  const m = new Matrix(labels.length, classes);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw new Error(`oneHot: label ${String(c)} at row ${i} is not in [0, ${classes})`);
    m.data[i * classes + c] = 1;
  }
  return m;
}

/**
 * The rows of `m` at `indices`, in that order, as a new matrix (a gather).
 * Mini-batching and data splits use it.
 * @throws for an index outside the matrix.
 */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const cols = m.cols;
  const out = new Matrix(indices.length, cols);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= m.rows) throw new Error(`takeRows: row ${String(r)} is outside ${m.shape}`);
    out.data.set(m.data.subarray(r * cols, (r + 1) * cols), i * cols);
  }
  return out;
}

/** The labels at `indices`, in that order (the label counterpart of {@link takeRows}). */
export function takeLabels(labels: ArrayLike<number>, indices: ArrayLike<number>): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= labels.length) throw new Error(`takeLabels: index ${String(r)} is outside ${labels.length} labels`);
    out[i] = labels[r];
  }
  return out;
}

/**
 * Seeded pseudo-random numbers. Every random choice in the library takes an
 * `Rng`, so a figure in the course or a test run repeats exactly.
 *
 * The generator is sfc32 seeded through splitmix32: fast, 128 bits of state,
 * and good enough statistically for initialisation and shuffling.
 *
 * Where the `rng` goes, everywhere in the library:
 * - a constructor, or a function configured by an options object, takes it as
 *   the option `rng`: `new Dense(2, 4, { rng })`, `mlp(sizes, { rng })`,
 *   `spiral({ rng })`, `digits({ rng })`, `train(model, { rng, ... })`,
 *   `checkGradients({ rng, ... })`;
 * - a function that works on data it is handed takes it as its last required
 *   argument, after the data: `trainTestSplit(data, 0.2, rng)`,
 *   `miniBatches(x, y, 32, rng)`, `randomMatrix(rows, cols, rng)`,
 *   `checkLayer(layer, x, rng)`, an initializer `(fanIn, fanOut, rng)`.
 * Never both: a function with a positional rng takes no `rng` option.
 */

/** A seeded random source. All methods advance the same stream. */
export interface Rng {
  /** The seed this generator was created with (shown to readers so runs repeat). */
  readonly seed: number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [lo, hi). */
  uniform(lo?: number, hi?: number): number;
  /** Standard normal sample (mean 0, standard deviation 1), Box–Muller. */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** A permutation of 0..n-1. */
  permutation(n: number): Int32Array;
  /** An independent generator derived from this one (for sub-tasks). */
  fork(): Rng;
}

function splitmix32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/**
 * Creates a seeded generator.
 * @param seed any finite number; the same seed always gives the same stream.
 * @throws if the seed is not a finite number.
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new Error(`createRng: seed must be a finite number, got ${String(seed)}`);
  }
  const mix = splitmix32(Math.floor(seed) ^ Math.round((seed % 1) * 0x7fffffff));
  let a = mix(), b = mix(), c = mix(), d = mix();
  let spare: number | null = null;

  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };

  const rng: Rng = {
    seed,
    next,
    uniform(lo = 0, hi = 1) {
      return lo + (hi - lo) * next();
    },
    normal(mean = 0, std = 1) {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return mean + std * s;
      }
      let u = 0;
      while (u === 0) u = next(); // log(0) would be -Infinity
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + std * r * Math.cos(2 * Math.PI * v);
    },
    int(n) {
      if (!Number.isInteger(n) || n <= 0) throw new Error(`rng.int: n must be a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
    permutation(n) {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = p[i];
        p[i] = p[j];
        p[j] = tmp;
      }
      return p;
    },
    fork() {
      return createRng(Math.floor(next() * 4294967296));
    },
  };
  return rng;
}

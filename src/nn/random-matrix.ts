/**
 * A matrix of random draws: the inputs, weights and upstream gradients that
 * checks, tests and exercises need, and the weights the initialisers draw.
 * Every draw comes from the `rng` passed in, so a seed repeats the matrix.
 */
import { Matrix } from "./matrix.ts";
import type { Rng } from "./rng.ts";

/** How `randomMatrix` draws each element. */
export interface RandomMatrixOptions {
  /** Mean of the normal draws (default 0). */
  mean?: number;
  /** Standard deviation of the normal draws (default 1). */
  std?: number;
  /** Draw uniformly from [lo, hi) instead of from a normal distribution. */
  uniform?: readonly [number, number];
}

/**
 * A rows×cols matrix whose elements are independent draws, filled in row-major
 * order: N(mean, std²) by default (N(0, 1) without options), or U(lo, hi) with
 * `uniform: [lo, hi]`.
 * @example randomMatrix(4, 3, rng, { std: 0.1 })       // small normal weights
 * @example randomMatrix(5, 2, rng, { uniform: [-2, 2] })
 * @throws for a missing rng, a negative or non-finite std, or `uniform` mixed with `mean`/`std`.
 */
export function randomMatrix(rows: number, cols: number, rng: Rng, options: RandomMatrixOptions = {}): Matrix {
  if (!rng || typeof (rng as Partial<Rng>).normal !== "function") {
    throw new Error(`randomMatrix: rng comes third, as in randomMatrix(${rows}, ${cols}, createRng(1)), got ${rng === null || typeof rng !== "object" ? String(rng) : "an object"}`);
  }
  const m = new Matrix(rows, cols);
  const out = m.data;
  if (options.uniform !== undefined) {
    if (options.mean !== undefined || options.std !== undefined) throw new Error("randomMatrix: uniform takes no mean or std");
    const [lo, hi] = options.uniform;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo <= hi)) throw new Error(`randomMatrix: uniform needs finite lo <= hi, got [${lo}, ${hi}]`);
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(lo, hi);
    return m;
  }
  const mean = options.mean ?? 0, std = options.std ?? 1;
  if (!Number.isFinite(mean)) throw new Error(`randomMatrix: mean must be finite, got ${mean}`);
  if (!Number.isFinite(std) || std < 0) throw new Error(`randomMatrix: std must be a finite number >= 0, got ${std}`);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal(mean, std);
  return m;
}

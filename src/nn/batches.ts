/**
 * Mini-batches: the data cut into small random groups, one group per update.
 * Shuffling every epoch means each example is seen exactly once per epoch but
 * in a new order, so consecutive updates do not see the same neighbours.
 */
import { Matrix } from "./matrix.ts";
import type { Rng } from "./rng.ts";
import { takeLabels, takeRows } from "./datasets.ts";

/** Targets a batch can carry: class labels or a target matrix (one row per example). */
export type Targets = Int32Array | number[] | Matrix;

/** One mini-batch. */
export interface Batch<Y extends Targets = Targets> {
  /** Inputs of the batch (a new matrix: rows gathered from x). */
  x: Matrix;
  /** Targets of the batch (labels become an `Int32Array`; matrices stay matrices). */
  y: Y extends Matrix ? Matrix : Int32Array;
  /** Which rows of the full data this batch holds, in batch order. */
  indices: Int32Array;
  /** Epoch number, from 0. */
  epoch: number;
  /** Batch number inside the epoch, from 0. */
  index: number;
}

/** The number of rows of a target container (labels or matrix). */
export function targetRows(y: Targets): number {
  return y instanceof Matrix ? y.rows : y.length;
}

/**
 * Number of batches in one epoch: ⌈n / batchSize⌉, since the last partial
 * batch is kept (`batchesPerEpoch(100000, 128)` is 782).
 * @throws for n < 0 or batchSize not a positive integer.
 */
export function batchesPerEpoch(n: number, batchSize: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`batchesPerEpoch: n must be an integer >= 0, got ${String(n)}`);
  checkBatchSize("batchesPerEpoch", batchSize);
  return Math.ceil(n / batchSize);
}

function checkBatchSize(owner: string, batchSize: unknown): number {
  if (typeof batchSize !== "number" || !Number.isInteger(batchSize) || batchSize <= 0) {
    throw new Error(`${owner}: batchSize must be a positive integer, got ${String(batchSize)}`);
  }
  return batchSize;
}

/**
 * Yields mini-batches of `batchSize` rows for `epochs` epochs (default 1).
 * Each epoch draws a fresh permutation from `rng`, so every example appears
 * exactly once per epoch, in a different order each epoch (and each call).
 * The last batch of an epoch is smaller when batchSize does not divide n.
 *
 * ```ts
 * for (const { x, y } of miniBatches(data.x, data.y, 32, rng)) { ... }
 * ```
 * @throws for batchSize ≤ 0 or not an integer, empty data, or x and y with different row counts.
 */
export function* miniBatches<Y extends Targets>(x: Matrix, y: Y, batchSize: number, rng: Rng, epochs = 1): Generator<Batch<Y>, void, undefined> {
  checkBatchSize("miniBatches", batchSize);
  if (!(x instanceof Matrix)) throw new Error(`miniBatches: x must be a Matrix, got ${String(x)}`);
  if (x.rows === 0) throw new Error(`miniBatches: empty data (x is ${x.shape})`);
  const yRows = targetRows(y);
  if (yRows !== x.rows) throw new Error(`miniBatches: x has ${x.rows} rows but y has ${yRows}`);
  if (!rng || typeof rng.permutation !== "function") throw new Error("miniBatches: rng is required to shuffle");
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`miniBatches: epochs must be a positive integer, got ${String(epochs)}`);
  const n = x.rows;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = rng.permutation(n);
    for (let start = 0, index = 0; start < n; start += batchSize, index++) {
      const indices = perm.slice(start, Math.min(n, start + batchSize));
      const by = y instanceof Matrix ? takeRows(y, indices) : takeLabels(y, indices);
      yield { x: takeRows(x, indices), y: by as Batch<Y>["y"], indices, epoch, index };
    }
  }
}

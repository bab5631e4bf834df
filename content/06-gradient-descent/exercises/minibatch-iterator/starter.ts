import type { Rng } from "nn";

// A shuffling mini-batch iterator: for each of `epochs` epochs, shuffle the
// example indices 0…n−1 with rng and cut them into batches of batchSize (the
// last batch of an epoch may be smaller). Return all batches, epoch after epoch.
export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  // TODO: shuffle every epoch, and cut the order into batches of batchSize.
  const all = Array.from({ length: n }, (_, i) => i);
  return [all];
}

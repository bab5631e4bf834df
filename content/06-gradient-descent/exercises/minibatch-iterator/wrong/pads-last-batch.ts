// Mistake: fills the last batch up to batchSize with indices from the start of the order (expect: pads-last-batch)
import type { Rng } from "nn";

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Array.from(rng.permutation(n));
    for (let start = 0; start < n; start += batchSize) {
      const batch: number[] = [];
      for (let k = 0; k < batchSize; k++) batch.push(order[(start + k) % n]);
      batches.push(batch);
    }
  }
  return batches;
}

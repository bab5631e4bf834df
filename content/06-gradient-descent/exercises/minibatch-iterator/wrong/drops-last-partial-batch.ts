// Mistake: keeps only full batches, so the last, smaller batch of each epoch is dropped (expect: drops-last-batch)
import type { Rng } from "nn";

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Array.from(rng.permutation(n));
    for (let start = 0; start + batchSize <= n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  }
  return batches;
}

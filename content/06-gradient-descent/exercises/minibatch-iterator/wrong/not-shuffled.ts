// Mistake: cuts 0…n−1 into batches in order, never shuffling (expect: not-shuffled)
import type { Rng } from "nn";

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  }
  return batches;
}

// Mistake: builds the order from 0 to n − 2 (i < n − 1), so index n − 1 is never used (expect: missing-index)
import type { Rng } from "nn";

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order: number[] = [];
    for (let i = 0; i < n - 1; i++) order.push(i);
    rng.shuffle(order);
    for (let start = 0; start < order.length; start += batchSize) batches.push(order.slice(start, start + batchSize));
  }
  return batches;
}

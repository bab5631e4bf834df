// Mistake: keeps the shuffled order outside the function and reshuffles it, so each call depends on the last (expect: accumulates)
import type { Rng } from "nn";

const order: number[] = [];

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  if (order.length !== n) {
    order.length = 0;
    for (let i = 0; i < n; i++) order.push(i);
  }
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    rng.shuffle(order);
    for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  }
  return batches;
}

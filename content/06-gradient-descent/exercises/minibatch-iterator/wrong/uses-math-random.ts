// Mistake: shuffles with Math.random instead of rng, so a seed does not repeat the batches (expect: not-reproducible)
import type { Rng } from "nn";

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  }
  return batches;
}

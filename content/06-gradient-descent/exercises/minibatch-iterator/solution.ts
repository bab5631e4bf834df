import type { Rng } from "nn";

// Each epoch: a Fisher–Yates shuffle of 0…n−1 drawn from rng, then
// consecutive slices of batchSize (the last one keeps whatever is left).
export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < n; start += batchSize) {
      batches.push(order.slice(start, Math.min(start + batchSize, n)));
    }
  }
  return batches;
}

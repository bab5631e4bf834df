// Mistake: shuffles once before the epoch loop, so every epoch repeats the same batches (expect: same-every-epoch)
import type { Rng } from "nn";

export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  const batches: number[][] = [];
  const order = Array.from(rng.permutation(n));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  }
  return batches;
}

import type { Rng } from "nn";

// 每一轮：用 rng 对 0…n−1 做 Fisher–Yates 洗牌，再依次切出长为
// batchSize 的片段（最后一段装下剩余的部分）。
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

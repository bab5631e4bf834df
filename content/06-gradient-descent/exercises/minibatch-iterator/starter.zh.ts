import type { Rng } from "nn";

// 会打乱顺序的小批量迭代器：在 `epochs` 轮中的每一轮，用 rng 打乱样本下标
// 0…n−1，再把它们切成大小为 batchSize 的批（一轮的最后一批可以小一些）。
// 一轮接一轮地返回所有的批。
export function miniBatchIndices(n: number, batchSize: number, rng: Rng, epochs: number): number[][] {
  // TODO：每一轮都重新打乱，再把这个顺序切成大小为 batchSize 的批。
  const all = Array.from({ length: n }, (_, i) => i);
  return [all];
}

// 每轮 ⌈n / B⌉ 批：若干个满批，B 不能整除 n 时，再加上一个装着
// 剩余样本的较小的批。每一轮都重新开始。
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return epochs * Math.ceil(n / batchSize);
}

// 一次小批量训练：n 个样本，每批 batchSize 个，训练给定的轮数；每个样本
// 每轮用一次，一轮的最后一批装下剩余的样本。返回更新的次数。
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  // TODO：每轮的迭代次数（算上最后那个较小的批），再乘以轮数。
  return 0;
}

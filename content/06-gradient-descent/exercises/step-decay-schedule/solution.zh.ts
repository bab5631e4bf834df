// 到第 t 步为止已经下降了 ⌊t / dropEvery⌋ 次，每次都让学习率
// 乘以 factor。
export function stepDecayRate(
  lr0: number, t: number, dropEvery: number, factor: number,
): number {
  return lr0 * Math.pow(factor, Math.floor(t / dropEvery));
}

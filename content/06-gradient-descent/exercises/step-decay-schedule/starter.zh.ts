// 阶梯衰减调度：学习率从 lr0 开始，每隔 dropEvery 步乘以 factor。
// 返回第 t 步（t = 0, 1, 2…）的学习率。
export function stepDecayRate(
  lr0: number, t: number, dropEvery: number, factor: number,
): number {
  // TODO：到第 t 步为止下降了几次？从 lr0 开始，每下降一次
  // 就乘一次 factor。
  return 0;
}

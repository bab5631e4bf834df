// f(x) = x² + 3x，所以 f′(x) = 2x + 3（对 x² 用幂法则，3x 的常数因子保持不变）。
export function fPrime(x: number): number {
  return 2 * x + 3;
}

// α = 1 的 ELU 在 z > 0 时为 z，在 z ≤ 0 时为 e^z − 1。写出它在 z 处的导数。
export function eluPrime(z: number): number {
  // TODO：0 的两侧各写一个分支。
  return 0;
}

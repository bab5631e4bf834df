// z > 0 时 z 的斜率为 1；z ≤ 0 时 e^z − 1 的斜率为 e^z（等于 ELU(z) + 1）。
export function eluPrime(z: number): number {
  return z > 0 ? 1 : Math.exp(z);
}

// Mistake: a factor 2 too many, 2·(2x + 3) (expect: factor-2)
export function fPrime(x: number): number {
  return 2 * (2 * x + 3);
}

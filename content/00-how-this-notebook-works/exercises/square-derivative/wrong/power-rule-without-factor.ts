// Mistake: lowers the power without bringing it down as a factor, x + 3 (expect: mismatch)
export function fPrime(x: number): number {
  return x + 3;
}

// Mistake: returns f(x) = x² + 3x itself instead of its derivative (expect: mismatch)
export function fPrime(x: number): number {
  return x * x + 3 * x;
}

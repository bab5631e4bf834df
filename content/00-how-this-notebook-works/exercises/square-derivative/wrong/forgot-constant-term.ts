// Mistake: drops the derivative of 3x, returning only 2x (expect: mismatch)
export function fPrime(x: number): number {
  return 2 * x;
}

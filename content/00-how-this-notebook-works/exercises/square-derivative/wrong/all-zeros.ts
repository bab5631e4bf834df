// Mistake: returns 0 everywhere, the placeholder left in (expect: zeros)
export function fPrime(x: number): number {
  return 0 * x;
}

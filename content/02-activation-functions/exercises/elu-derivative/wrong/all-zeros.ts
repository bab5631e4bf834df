// Mistake: returns 0 everywhere, the placeholder left in (expect: zeros)
export function eluPrime(z: number): number {
  return 0 * z;
}

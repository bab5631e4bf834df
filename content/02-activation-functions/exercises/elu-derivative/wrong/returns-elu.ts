// Mistake: returns ELU(z) itself instead of its derivative (expect: mismatch)
export function eluPrime(z: number): number {
  return z > 0 ? z : Math.exp(z) - 1;
}

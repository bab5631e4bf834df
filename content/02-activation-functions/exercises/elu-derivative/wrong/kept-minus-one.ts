// Mistake: differentiates e^z − 1 as e^z − 1, keeping the constant (expect: mismatch)
export function eluPrime(z: number): number {
  return z > 0 ? 1 : Math.exp(z) - 1;
}

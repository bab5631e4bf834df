// Mistake: uses ReLU's derivative, 0 for z ≤ 0, although ELU still slopes there (expect: mismatch)
export function eluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}

// Mistake: uses e^z on both sides, forgetting that ELU is the identity for z > 0 (expect: mismatch)
export function eluPrime(z: number): number {
  return Math.exp(z);
}

// Mistake: uses the sigmoid's rule σ(1 − σ) with tanh in place of σ (expect: mismatch)
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return t * (1 - t);
}

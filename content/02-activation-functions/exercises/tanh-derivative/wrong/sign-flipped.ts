// Mistake: the sign is flipped, tanh² − 1 (expect: sign-flipped)
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return t * t - 1;
}

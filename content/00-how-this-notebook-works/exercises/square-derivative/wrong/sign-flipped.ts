// Mistake: the sign is flipped, −(2x + 3) (expect: sign-flipped)
export function fPrime(x: number): number {
  return -(2 * x + 3);
}

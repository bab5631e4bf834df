// f(x) = x² + 3x, so f′(x) = 2x + 3 (power rule on x², constant factor on 3x).
export function fPrime(x: number): number {
  return 2 * x + 3;
}

// Mistake: returns 0 everywhere, as if tanh were flat (expect: zeros)
export function tanhPrime(z: number): number {
  return 0 * z;
}

// Mistake: a factor 2 too many, as if differentiating tanh(2z) (expect: factor-2)
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 2 * (1 - t * t);
}

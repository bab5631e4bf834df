// Mistake: returns 0 once |z| > 5, as if tanh were flat there; tanh′ is small but still resolvable (expect: mismatch)
export function tanhPrime(z: number): number {
  if (Math.abs(z) > 5) return 0;
  const t = Math.tanh(z);
  return 1 - t * t;
}

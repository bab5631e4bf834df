// Mistake: builds tanh from e^z and e^−z, which overflow for |z| > 709, giving ∞/∞ = NaN (expect: nan)
export function tanhPrime(z: number): number {
  const t = (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z));
  return 1 - t * t;
}

// Mistake: the textbook quotient eˣ / (1 + eˣ) is Infinity / Infinity = NaN for x > 709 (expect: nan)
export function softplusLocal(x: number): number {
  return Math.exp(x) / (1 + Math.exp(x));
}

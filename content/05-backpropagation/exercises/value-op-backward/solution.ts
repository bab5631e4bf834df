// d/dx ln(1 + eˣ) = eˣ / (1 + eˣ) = σ(x). Written in two halves so that
// Math.exp never sees a large positive number: for x ≥ 0 use 1 / (1 + e⁻ˣ),
// for x < 0 use eˣ / (1 + eˣ).
export function softplusLocal(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

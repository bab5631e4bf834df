// d/dx ln(1 + eˣ) = eˣ / (1 + eˣ) = σ(x)。分成两半来写，使 Math.exp
// 永远不会遇到很大的正数：x ≥ 0 时用 1 / (1 + e⁻ˣ)，
// x < 0 时用 eˣ / (1 + eˣ)。
export function softplusLocal(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

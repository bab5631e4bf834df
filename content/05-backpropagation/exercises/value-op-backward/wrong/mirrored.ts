// Mistake: returns 1 / (1 + eˣ) = σ(−x), the sigmoid mirrored left to right (expect: mismatch)
export function softplusLocal(x: number): number {
  return x >= 0 ? Math.exp(-x) / (1 + Math.exp(-x)) : 1 / (1 + Math.exp(x));
}

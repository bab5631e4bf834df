// Mistake: keeps only the inner derivative eˣ and forgets the outer 1 / (1 + eˣ): wrong everywhere, and Infinity for large x (expect: mismatch)
export function softplusLocal(x: number): number {
  return Math.exp(x);
}

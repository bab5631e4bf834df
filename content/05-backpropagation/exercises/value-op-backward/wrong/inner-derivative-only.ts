// Mistake: keeps only the inner derivative eˣ and forgets the outer 1 / (1 + eˣ); overflows to Infinity for large x (expect: infinity)
export function softplusLocal(x: number): number {
  return Math.exp(x);
}

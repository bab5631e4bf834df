// Mistake: returns the operation's value ln(1 + eˣ) instead of its local derivative (expect: mismatch)
export function softplusLocal(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// Mistake: returns exactly 1 past x = 10 and 0 below x = −10, as if the sigmoid had reached its limits (expect: mismatch)
export function softplusLocal(x: number): number {
  if (x > 10) return 1;
  if (x < -10) return 0;
  return 1 / (1 + Math.exp(-x));
}

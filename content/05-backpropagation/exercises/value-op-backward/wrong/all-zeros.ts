// Mistake: returns 0 everywhere, the placeholder left in (expect: zeros)
export function softplusLocal(x: number): number {
  return 0 * x;
}

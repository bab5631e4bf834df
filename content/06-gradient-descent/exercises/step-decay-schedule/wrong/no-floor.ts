// Mistake: forgets the floor, so the rate decays smoothly (exponentially) instead of in steps (expect: mismatch)
export function stepDecayRate(lr0: number, t: number, dropEvery: number, factor: number): number {
  return lr0 * Math.pow(factor, t / dropEvery);
}

// Mistake: counts drops with ⌊(t − 1) / dropEvery⌋, so every drop comes one step late (expect: mismatch)
export function stepDecayRate(
  lr0: number, t: number, dropEvery: number, factor: number,
): number {
  return lr0 * Math.pow(factor, Math.floor((t - 1) / dropEvery));
}

// ⌊t / dropEvery⌋ drops have happened by step t, each multiplying the rate
// by factor.
export function stepDecayRate(
  lr0: number, t: number, dropEvery: number, factor: number,
): number {
  return lr0 * Math.pow(factor, Math.floor(t / dropEvery));
}

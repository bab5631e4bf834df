// Mistake: multiplies by factor × (number of drops) instead of raising factor to that power (expect: mismatch)
export function stepDecayRate(lr0: number, t: number, dropEvery: number, factor: number): number {
  const drops = Math.floor(t / dropEvery);
  return drops === 0 ? lr0 : lr0 * factor * drops;
}

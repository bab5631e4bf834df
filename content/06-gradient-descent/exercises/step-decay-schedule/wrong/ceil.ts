// Mistake: rounds the number of drops up, so the first drop happens right after step 0 (expect: mismatch)
export function stepDecayRate(lr0: number, t: number, dropEvery: number, factor: number): number {
  return lr0 * Math.pow(factor, Math.ceil(t / dropEvery));
}

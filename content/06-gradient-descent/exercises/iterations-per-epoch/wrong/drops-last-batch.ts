// Mistake: ⌊n / B⌋ counts only the full batches, dropping the last, smaller one (expect: mismatch)
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return epochs * Math.floor(n / batchSize);
}

// Mistake: n / B without rounding, a fraction of an iteration (expect: mismatch)
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return (epochs * n) / batchSize;
}

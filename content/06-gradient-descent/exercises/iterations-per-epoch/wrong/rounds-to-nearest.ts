// Mistake: rounds n / B to the nearest integer, which drops a last batch smaller than half a batch (expect: mismatch)
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return epochs * Math.round(n / batchSize);
}

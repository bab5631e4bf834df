// Mistake: ⌈n·epochs / B⌉, as if a partial batch were filled up from the next epoch (expect: mismatch)
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return Math.ceil((n * epochs) / batchSize);
}

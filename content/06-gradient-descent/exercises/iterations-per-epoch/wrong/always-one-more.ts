// Mistake: ⌊n / B⌋ + 1, which adds an empty batch when B divides n (expect: mismatch)
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return epochs * (Math.floor(n / batchSize) + 1);
}

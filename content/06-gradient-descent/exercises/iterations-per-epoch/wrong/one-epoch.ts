// Mistake: returns the iterations of one epoch and forgets to multiply by the number of epochs (expect: mismatch)
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  void epochs;
  return Math.ceil(n / batchSize);
}

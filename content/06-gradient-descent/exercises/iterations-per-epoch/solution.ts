// ⌈n / B⌉ batches per epoch: the full ones and, when B does not divide n,
// one smaller batch with the rest. Every epoch starts afresh.
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  return epochs * Math.ceil(n / batchSize);
}

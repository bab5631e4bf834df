// A run of mini-batch training: n examples, batches of batchSize, for the
// given number of epochs; every example is used once per epoch, and the last
// batch of an epoch holds whatever is left. Return the number of updates.
export function trainingIterations(n: number, batchSize: number, epochs: number): number {
  // TODO: iterations per epoch (count the last, smaller batch), times epochs.
  return 0;
}

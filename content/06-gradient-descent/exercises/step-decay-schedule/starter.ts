// A step-decay schedule: the learning rate starts at lr0 and is multiplied
// by factor every dropEvery steps. Return the rate at step t (t = 0, 1, 2…).
export function stepDecayRate(
  lr0: number, t: number, dropEvery: number, factor: number,
): number {
  // TODO: how many drops have happened by step t? Start from lr0 and
  // multiply by factor once per drop.
  return 0;
}

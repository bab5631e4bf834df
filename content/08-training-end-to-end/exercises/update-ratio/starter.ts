import { Matrix } from "nn";

// The update-to-weight ratio of one optimiser step: ‖after − before‖ / ‖before‖,
// where ‖A‖ is the square root of the sum of the squares of all entries of A.
// Return a number; do not change the inputs.
export function updateRatio(before: Matrix, after: Matrix): number {
  // TODO: measure the size of the change and the size of the weights, then divide.
  void before; void after;
  return 0;
}

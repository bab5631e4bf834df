import { Matrix } from "nn";

// The length of the step, ‖after − before‖, as a fraction of the length of
// the weights, ‖before‖.
export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    const d = after.data[k] - before.data[k];
    change += d * d;
    size += before.data[k] * before.data[k];
  }
  return Math.sqrt(change) / Math.sqrt(size);
}

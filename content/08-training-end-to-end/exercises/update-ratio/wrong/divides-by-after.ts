// Mistake: measures the step against the new weights instead of the old ones (expect: mismatch)
import { Matrix } from "nn";

export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    change += (after.data[k] - before.data[k]) ** 2;
    size += after.data[k] ** 2;
  }
  return Math.sqrt(change) / Math.sqrt(size);
}

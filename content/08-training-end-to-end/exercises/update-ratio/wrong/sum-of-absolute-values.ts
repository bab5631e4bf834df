// Mistake: uses sums of absolute values (the L1 norm) instead of the root of the sum of squares (expect: mismatch)
import { Matrix } from "nn";

export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    change += Math.abs(after.data[k] - before.data[k]);
    size += Math.abs(before.data[k]);
  }
  return change / size;
}

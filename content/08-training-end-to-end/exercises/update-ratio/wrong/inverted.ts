// Mistake: divides the other way round, weights over update (expect: mismatch)
import { Matrix } from "nn";

export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    change += (after.data[k] - before.data[k]) ** 2;
    size += before.data[k] ** 2;
  }
  return Math.sqrt(size) / Math.sqrt(change);
}

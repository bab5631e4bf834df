// Mistake: divides the sums of squares without taking their square roots, so the ratio comes out squared (expect: mismatch)
import { Matrix } from "nn";

export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    change += (after.data[k] - before.data[k]) ** 2;
    size += before.data[k] ** 2;
  }
  return change / size;
}

// Mistake: divides only the change by the number of entries, as if averaging one norm but not the other (expect: mismatch)
import { Matrix } from "nn";

export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    change += (after.data[k] - before.data[k]) ** 2;
    size += before.data[k] ** 2;
  }
  return Math.sqrt(change / before.data.length) / Math.sqrt(size);
}

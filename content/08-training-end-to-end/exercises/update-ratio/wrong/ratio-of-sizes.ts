// Mistake: compares the sizes of the two matrices, ‖after‖/‖before‖ − 1, which ignores the direction of the step (expect: mismatch)
import { Matrix } from "nn";

export function updateRatio(before: Matrix, after: Matrix): number {
  let a = 0, b = 0;
  for (let k = 0; k < before.data.length; k++) {
    a += after.data[k] ** 2;
    b += before.data[k] ** 2;
  }
  return Math.abs(Math.sqrt(a) / Math.sqrt(b) - 1);
}

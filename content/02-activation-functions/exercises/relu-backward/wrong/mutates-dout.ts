// Mistake: zeroes the blocked entries of dOut in place and returns it, changing the caller's gradient (expect: mutated-input)
import { Matrix } from "nn";

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  for (let k = 0; k < x.data.length; k++) if (x.data[k] <= 0) dOut.data[k] = 0;
  return dOut;
}

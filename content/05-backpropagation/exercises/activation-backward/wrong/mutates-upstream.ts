// Mistake: multiplies dA in place and returns it, changing the caller's gradient (expect: mutated-input)
import { Matrix } from "nn";

export function sigmoidBackward(Z: Matrix, dA: Matrix): Matrix {
  for (let k = 0; k < Z.data.length; k++) {
    const s = 1 / (1 + Math.exp(-Z.data[k]));
    dA.data[k] *= s * (1 - s);
  }
  return dA;
}

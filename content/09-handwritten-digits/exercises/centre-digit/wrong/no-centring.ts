// Mistake: normalises but leaves the digit where it was drawn (expect: mismatch)
import { Matrix } from "nn";

export function centreDigit(img: Matrix): Matrix {
  const out = new Matrix(28, 28);
  let max = 0;
  for (const v of img.data) max = Math.max(max, v);
  if (max === 0) return out;
  for (let k = 0; k < out.data.length; k++) out.data[k] = img.data[k] / max;
  return out;
}

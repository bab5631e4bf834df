// Mistake: reuses one gradient buffer across calls and adds into it without zeroing it first (expect: accumulates)
import { Matrix } from "nn";

let dXBuffer: Matrix | null = null;

export function reluBackward(x: Matrix, dOut: Matrix): Matrix {
  if (!dXBuffer || dXBuffer.rows !== x.rows || dXBuffer.cols !== x.cols) dXBuffer = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) dXBuffer.data[k] += x.data[k] > 0 ? dOut.data[k] : 0;
  return dXBuffer;
}

// Mistake: keeps the gradient buffers between calls and adds into them, so a second call doubles them (expect: accumulates)
import { Matrix, matmulTransA, matmulTransB, sumColumns } from "nn";

let buffers: { dW: Matrix; db: Matrix } | null = null;

export function denseBackward(X: Matrix, W: Matrix, dZ: Matrix) {
  if (!buffers || buffers.dW.rows !== W.rows || buffers.dW.cols !== W.cols) {
    buffers = { dW: new Matrix(W.rows, W.cols), db: new Matrix(1, W.cols) };
  }
  matmulTransA(X, dZ, buffers.dW, true);
  sumColumns(dZ, buffers.db, true);
  return { dW: buffers.dW.clone(), db: buffers.db.clone(), dX: matmulTransB(dZ, W) };
}

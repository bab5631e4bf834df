/**
 * Buffers that a layer (or the training loop) owns and reuses from step to
 * step, so a training step allocates no matrices once it has run once.
 *
 * The ownership rule of the library, in one place:
 *
 * - `forward`, `backward` and `predict` return matrices that belong to the
 *   caller. A learner may keep them, compare two forward passes, mutate them:
 *   the library never writes into them again.
 * - `forwardReusing` and `backwardReusing` (optional on a layer, present on
 *   the library's layers and on `Sequential`) compute the same values into
 *   buffers the layer owns, and overwrite them on the next call. They exist
 *   for loops that use a result at once and then discard it — `train` uses
 *   them — and a layer may keep a reference to its input until its next call.
 *
 * A `Scratch` keeps one buffer per batch size (a mini-batch epoch has at most
 * two: full batches and the last, shorter one; evaluation adds another), so
 * alternating sizes do not reallocate either.
 */
import { Matrix } from "./matrix.ts";

/** How many batch sizes a scratch keeps before it starts over (bounds memory when sizes keep changing). */
const MAX_SIZES = 4;

export class Scratch {
  private byRows = new Map<number, Matrix>();

  /** A rows×cols buffer owned by this scratch, with unspecified contents. */
  get(rows: number, cols: number): Matrix {
    let m = this.byRows.get(rows);
    if (m === undefined || m.cols !== cols) {
      if (this.byRows.size >= MAX_SIZES) this.byRows.clear();
      m = new Matrix(rows, cols);
      this.byRows.set(rows, m);
    }
    return m;
  }
}

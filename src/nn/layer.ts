import type { Matrix } from "./matrix.ts";
import type { Param } from "./param.ts";

/**
 * The contract every layer keeps (CS231n style). `forward` caches what
 * `backward` needs; `backward(dOut)` returns dLoss/dInput and *adds* the
 * parameter gradients into each `Param.grad` (so a model can be used twice in
 * one graph, and so `zeroGrad()` matters).
 */
export interface Layer {
  /** Short type name, e.g. `"Dense"`, used when a model prints itself. */
  readonly kind: string;
  /** Human-readable description, e.g. `"Dense(2 → 4)"`. */
  describe(): string;
  /** Forward pass on a batch (one example per row). */
  forward(x: Matrix): Matrix;
  /** Backward pass: gradient of the loss w.r.t. this layer's output in, w.r.t. its input out. */
  backward(dOut: Matrix): Matrix;
  /** Trainable parameters (empty for parameter-free layers). */
  parameters(): Param[];
  /**
   * Optional: `forward` into a buffer the layer owns and overwrites on its next
   * call (see scratch.ts for the ownership rule). The training loop uses it so
   * a step allocates nothing; a learner's layer does not need it.
   */
  forwardReusing?(x: Matrix): Matrix;
  /**
   * Optional: `backward` into a buffer the layer owns. With `needInputGrad`
   * false (the first layer, whose input is the data) the layer may skip dX and
   * return null; parameter gradients are accumulated either way.
   */
  backwardReusing?(dOut: Matrix, needInputGrad: boolean): Matrix | null;
}

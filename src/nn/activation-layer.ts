/**
 * Activation functions as layers, so a model is a plain stack:
 * Dense → Activation("relu") → Dense → Softmax.
 *
 * The maths lives in activations.ts and softmax.ts (value and derivative side
 * by side); these classes only add the layer contract: remember the input on
 * the way forward, apply the chain rule on the way back. Neither has
 * parameters.
 */
import type { Layer } from "./layer.ts";
import type { Matrix } from "./matrix.ts";
import type { Param } from "./param.ts";
import { activation, activationGrad, activationGradFromOutput, applyActivation, type ActivationFunction, type ActivationOptions } from "./activations.ts";
import { softmax, softmaxBackward } from "./softmax.ts";
import { Scratch } from "./scratch.ts";
import { requireForwardCache } from "./guards.ts";

/** Options for `new Activation(act, options)`. */
export interface ActivationLayerOptions extends ActivationOptions {
  /** Layer name. Default: the activation's name (numbered by `Sequential`: relu1, relu2, ...). */
  name?: string;
}

/**
 * An element-wise activation A = f(Z) as a layer; backward returns
 * dZ = dA ⊙ f′(Z).
 *
 * @example
 * new Activation("tanh");
 * new Activation("leakyRelu", { alpha: 0.1 });
 * new Activation(myActivation); // any { name, f, df, ... } object
 */
export class Activation implements Layer {
  /** `"Activation"`. */
  readonly kind = "Activation";
  /** The activation function (value `f` and derivative `df`). */
  readonly fn: ActivationFunction;
  /** Layer name. */
  name: string;
  /** Whether the name was chosen by the caller (default names are numbered by `Sequential`). */
  readonly named: boolean;
  /** The input of the last `forward` (what backward needs), or null before the first. */
  protected input: Matrix | null = null;
  /** The output of the last `forward`, kept when f′ can be read from it (`dfFromOutput`, e.g. tanh: 1 − a²). */
  protected output: Matrix | null = null;
  /** A and dZ of `forwardReusing` / `backwardReusing`, reused from step to step. */
  private readonly outBuf = new Scratch();
  private readonly gradBuf = new Scratch();

  /** @throws `unknown activation: foo (known: ...)`. */
  constructor(act: string | ActivationFunction, options: ActivationLayerOptions = {}) {
    const { name, ...opts } = options;
    this.fn = activation(act, opts);
    this.named = name !== undefined;
    this.name = name ?? this.fn.name;
  }

  /** Renames the layer (it has no parameters to rename). */
  setName(name: string): void {
    this.name = name;
  }

  /** e.g. `"Activation(relu)"`. */
  describe(): string {
    return `Activation(${this.fn.name}${this.fn.alpha !== undefined ? `, α=${this.fn.alpha}` : ""})`;
  }

  /** Same width out as in. */
  outputFeatures(inFeatures: number): number {
    return inFeatures;
  }

  /** A = f(Z); remembers Z for backward. */
  forward(z: Matrix): Matrix {
    const a = applyActivation(this.fn, z);
    this.input = z;
    this.output = typeof this.fn.dfFromOutput === "function" ? a : null;
    return a;
  }

  /** `forward` into a buffer this layer owns and overwrites next time (see scratch.ts). */
  forwardReusing(z: Matrix): Matrix {
    const a = applyActivation(this.fn, z, this.outBuf.get(z.rows, z.cols));
    this.input = z;
    this.output = typeof this.fn.dfFromOutput === "function" ? a : null;
    return a;
  }

  /** A = f(Z) without remembering anything. */
  predict(z: Matrix): Matrix {
    return applyActivation(this.fn, z);
  }

  /**
   * dZ = dA ⊙ f′(Z) for the Z of the last forward pass.
   * @throws if called before forward or if dA's shape differs from Z's.
   */
  backward(dOut: Matrix): Matrix {
    return this.grad(dOut, undefined);
  }

  /** `backward` into a buffer this layer owns (the input gradient is always computed: it is this layer's only output). */
  backwardReusing(dOut: Matrix, _needInputGrad: boolean): Matrix {
    return this.grad(dOut, this.gradBuf.get(dOut.rows, dOut.cols));
  }

  private grad(dOut: Matrix, out: Matrix | undefined): Matrix {
    const z = requireForwardCache("activation", this.input, dOut);
    // Same values as dA ⊙ f′(Z), without evaluating f again (tanh: 1 − a²).
    if (this.output) return activationGradFromOutput(this.fn, this.output, dOut, out);
    return activationGrad(this.fn, z, dOut, out);
  }

  /** No parameters: `[]`. */
  parameters(): Param[] {
    return [];
  }
}

/** Options for `new Softmax(options)`. */
export interface SoftmaxLayerOptions {
  /** Layer name. Default `"softmax"`. */
  name?: string;
}

/**
 * Row-wise softmax as a layer: turns each row of scores into probabilities.
 * Backward is the vector-Jacobian product dZ = p ⊙ (dP − rowsum(dP ⊙ p)).
 *
 * For training a classifier, leave it out and use `softmaxCrossEntropy` on
 * the logits instead: the fused gradient (p − y)/N is cheaper and more
 * accurate. This layer is for models whose output must be probabilities and
 * for showing the softmax Jacobian at work.
 */
export class Softmax implements Layer {
  /** `"Softmax"`. */
  readonly kind = "Softmax";
  /** Layer name. */
  name: string;
  /** Whether the name was chosen by the caller. */
  readonly named: boolean;
  /** The probabilities of the last `forward` (all backward needs), or null before the first. */
  protected output: Matrix | null = null;

  constructor(options: SoftmaxLayerOptions = {}) {
    this.named = options.name !== undefined;
    this.name = options.name ?? "softmax";
  }

  /** Renames the layer. */
  setName(name: string): void {
    this.name = name;
  }

  /** `"Softmax"`. */
  describe(): string {
    return "Softmax";
  }

  /** Same width out as in. */
  outputFeatures(inFeatures: number): number {
    return inFeatures;
  }

  /** p = softmax(z) row by row (stable); remembers p, which is all backward needs. */
  forward(z: Matrix): Matrix {
    const p = softmax(z);
    this.output = p;
    return p;
  }

  /** p = softmax(z) without remembering anything. */
  predict(z: Matrix): Matrix {
    return softmax(z);
  }

  /**
   * dZ = p ⊙ (dP − rowsum(dP ⊙ p)).
   * @throws if called before forward or if dP's shape differs from p's.
   */
  backward(dOut: Matrix): Matrix {
    const p = requireForwardCache("softmax", this.output, dOut);
    return softmaxBackward(p, dOut);
  }

  /** No parameters: `[]`. */
  parameters(): Param[] {
    return [];
  }
}

/**
 * The fully connected (dense, affine) layer: Z = X·W + b.
 *
 * Shapes follow the course: X is batch×in (one example per row), W is in×out,
 * b is a 1×out row added to every row. Backward is the three products every
 * derivation of backpropagation ends with:
 *
 *     dW += Xᵀ·dZ     db += column sums of dZ     dX = dZ·Wᵀ
 *
 * This is the hot path of training, so it goes straight to the products in
 * ops.ts (no transposes built, no per-element get/set): the forward pass
 * copies b into every row and lets matmul accumulate X·W on top, and the
 * backward pass accumulates straight into the gradient matrices.
 */
import type { Layer } from "./layer.ts";
import { Matrix } from "./matrix.ts";
import { affine, matmulTransA, matmulTransB, sumColumns } from "./ops.ts";
import { createParam, type Param } from "./param.ts";
import type { Rng } from "./rng.ts";
import { initializer, type Initializer } from "./init.ts";
import { Scratch } from "./scratch.ts";
import { checkCount } from "./guards.ts";

/** Options for `new Dense(in, out, options)`. */
export interface DenseOptions {
  /** Random source for the initial weights (required unless `weights` is given). */
  rng?: Rng;
  /**
   * How to draw W: an initializer name from init.ts (`"xavier"`, `"he"`, ...)
   * or a function `(fanIn, fanOut, rng) => Matrix`. Default `"xavier"`.
   */
  init?: string | Initializer;
  /** Layer name; parameters are called `${name}.W` and `${name}.b`. Default `"dense"` (numbered by `Sequential`). */
  name?: string;
  /** Exact initial weights (in×out), e.g. to reproduce a worked example by hand. Copied. */
  weights?: Matrix | number[][];
  /** Exact initial bias (1×out or a flat array). Copied. Default zeros. */
  bias?: Matrix | number[];
}

/**
 * A fully connected layer Z = X·W + b with W (in×out) and b (1×out).
 *
 * @example
 * const layer = new Dense(2, 4, { rng: createRng(1), init: "he" });
 * const z = layer.forward(Matrix.from([[0.5, -1]]));   // 1×4
 */
export class Dense implements Layer {
  /** `"Dense"`. */
  readonly kind = "Dense";
  /** Number of input features (columns of X, rows of W). */
  readonly inFeatures: number;
  /** Number of output features (columns of W and of Z). */
  readonly outFeatures: number;
  /** Layer name (prefix of the parameter names). */
  name: string;
  /** The weights, in×out. */
  readonly W: Param;
  /** The bias, 1×out. */
  readonly b: Param;
  /** Name of the initializer, for `describe()` (a function's own name or `"custom"`; `"given"` for explicit weights). */
  readonly init: string;
  /** Whether the name was chosen by the caller (`Sequential` numbers default names: dense1, dense2, ...). */
  readonly named: boolean;
  /** The input of the last `forward` (what backward needs), or null before the first. */
  protected input: Matrix | null = null;
  /** Z and dX of `forwardReusing` / `backwardReusing`, reused from step to step. */
  private readonly outBuf = new Scratch();
  private readonly dxBuf = new Scratch();

  /**
   * @throws for feature counts that are not positive integers, a missing rng,
   * an unknown initializer, or explicit weights/bias of the wrong shape.
   */
  constructor(inFeatures: number, outFeatures: number, options: DenseOptions = {}) {
    checkCount("dense", "inFeatures", inFeatures);
    checkCount("dense", "outFeatures", outFeatures);
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.named = options.name !== undefined;
    this.name = options.name ?? "dense";

    let W: Matrix;
    if (options.weights !== undefined) {
      W = toMatrix(options.weights);
      if (W.rows !== inFeatures || W.cols !== outFeatures) {
        throw new Error(`dense: weights are ${W.shape}, expected ${inFeatures}x${outFeatures}`);
      }
      this.init = "given";
    } else {
      if (!options.rng) throw new Error("dense: needs an rng to initialise W (or explicit weights)");
      const init = options.init ?? "xavier";
      const draw = typeof init === "function" ? init : initializer(init);
      W = draw(inFeatures, outFeatures, options.rng);
      if (W.rows !== inFeatures || W.cols !== outFeatures) {
        throw new Error(`dense: initializer returned ${W.shape}, expected ${inFeatures}x${outFeatures}`);
      }
      // An arrow written inline as `{ init: (i, o, r) => ... }` is named "init" after the key: not a real name.
      this.init = typeof init !== "function" ? init : init.name && init.name !== "init" ? init.name : "custom";
    }
    let b = Matrix.zeros(1, outFeatures);
    if (options.bias !== undefined) {
      b = toMatrix(options.bias);
      if (b.rows !== 1 || b.cols !== outFeatures) {
        throw new Error(`dense: bias is ${b.shape}, expected 1x${outFeatures}`);
      }
    }
    this.W = createParam(`${this.name}.W`, W);
    this.b = createParam(`${this.name}.b`, b);
  }

  /** Renames the layer and its parameters (`Sequential` uses it to number default names). */
  setName(name: string): void {
    this.name = name;
    this.W.name = `${name}.W`;
    this.b.name = `${name}.b`;
  }

  /** e.g. `"Dense(2 → 4, he)"`. */
  describe(): string {
    return `Dense(${this.inFeatures} → ${this.outFeatures}, ${this.init})`;
  }

  /** Output features for a given number of input features (for model summaries). */
  outputFeatures(inFeatures: number): number {
    this.checkInput(inFeatures);
    return this.outFeatures;
  }

  /**
   * Z = X·W + b for a batch X (batch×in); remembers X for `backward`.
   * @throws `dense: input has 3 features, expected 2 (input 4x3 · W 2x5)`.
   */
  forward(x: Matrix): Matrix {
    const z = this.predict(x);
    this.input = x;
    return z;
  }

  /** `forward` into a buffer this layer owns and overwrites next time (see scratch.ts). */
  forwardReusing(x: Matrix): Matrix {
    this.checkInput(x.cols, x.shape);
    const z = this.affine(x, this.outBuf.get(x.rows, this.outFeatures));
    this.input = x;
    return z;
  }

  /** Like `forward` but remembers nothing, so it can run between a forward and its backward. */
  predict(x: Matrix): Matrix {
    this.checkInput(x.cols, x.shape);
    return this.affine(x, new Matrix(x.rows, this.outFeatures));
  }

  /** z = X·W + b into z (x.rows × out). */
  private affine(x: Matrix, z: Matrix): Matrix {
    return affine(x, this.W.value, this.b.value, z);
  }

  /**
   * Adds dW = Xᵀ·dZ and db = column sums of dZ into the parameter gradients
   * and returns dX = dZ·Wᵀ (batch×in).
   * @throws if called before `forward`, or if dZ is not batch×out.
   */
  backward(dOut: Matrix): Matrix {
    this.accumulateGrads(dOut);
    return matmulTransB(dOut, this.W.value);
  }

  /** `backward` into a buffer this layer owns; skips dX (returns null) when `needInputGrad` is false. */
  backwardReusing(dOut: Matrix, needInputGrad: boolean): Matrix | null {
    this.accumulateGrads(dOut);
    if (!needInputGrad) return null;
    return matmulTransB(dOut, this.W.value, this.dxBuf.get(dOut.rows, this.inFeatures));
  }

  /** dW += Xᵀ·dZ and db += column sums of dZ, after checking that a forward pass happened and dZ fits it. */
  private accumulateGrads(dOut: Matrix): void {
    const x = this.input;
    if (!x) throw new Error("dense: backward called before forward");
    if (dOut.rows !== x.rows || dOut.cols !== this.outFeatures) {
      throw new Error(`dense: dOut is ${dOut.shape}, expected ${x.rows}x${this.outFeatures} (the forward output's shape)`);
    }
    matmulTransA(x, dOut, this.W.grad, true);
    sumColumns(dOut, this.b.grad, true);
  }

  /** `[W, b]`. */
  parameters(): Param[] {
    return [this.W, this.b];
  }

  private checkInput(features: number, shape?: string): void {
    if (features !== this.inFeatures) {
      const shapes = shape === undefined ? "" : ` (input ${shape} · W ${this.W.value.shape})`;
      throw new Error(`dense: input has ${features} features, expected ${this.inFeatures}${shapes}`);
    }
  }
}

function toMatrix(m: Matrix | number[][] | number[]): Matrix {
  return m instanceof Matrix ? m.clone() : Matrix.from(m);
}

/**
 * Parametric ReLU (He et al., 2015): a leaky ReLU whose negative slope α is
 * learned by gradient descent like any weight.
 *
 *     y = z        for z > 0
 *     y = α·z      for z ≤ 0
 *
 *     ∂y/∂z = 1 (z > 0) or α (z ≤ 0)      ∂y/∂α = 0 (z > 0) or z (z ≤ 0)
 *
 * At the kink z = 0 we take the left branch (slope α), the convention of the
 * library's leakyRelu. By default each feature (column) has its own α, as in
 * the paper's channel-wise variant; `shared: true` learns one α for the layer.
 * α starts at 0.25, the paper's choice.
 */
import type { Layer } from "./layer.ts";
import { Matrix } from "./matrix.ts";
import { createParam, type Param } from "./param.ts";
import { checkCount, requireForwardCache } from "./guards.ts";

/** Options for `new PReLU(features, options)`. */
export interface PReLUOptions {
  /** Initial slope for negative inputs. Default 0.25. */
  alpha?: number;
  /** One α for all features instead of one per feature. Default false. */
  shared?: boolean;
  /** Layer name; the parameter is `${name}.alpha`. Default `"prelu"` (numbered by `Sequential`). */
  name?: string;
}

/**
 * PReLU layer with learnable negative slope(s) `alpha` (1×features, or 1×1 when shared).
 *
 * @example
 * const act = new PReLU(16);               // 16 slopes, all starting at 0.25
 * const one = new PReLU(16, { shared: true });
 */
export class PReLU implements Layer {
  /** `"PReLU"`. */
  readonly kind = "PReLU";
  /** Number of features (columns) the layer expects. */
  readonly features: number;
  /** Whether a single α is shared by all features. */
  readonly shared: boolean;
  /** The slope(s): 1×features, or 1×1 when shared. */
  readonly alpha: Param;
  /** Layer name. */
  name: string;
  /** Whether the name was chosen by the caller. */
  readonly named: boolean;
  /** The input of the last `forward` (what backward needs), or null before the first. */
  protected input: Matrix | null = null;

  /** @throws for a feature count that is not a positive integer or a non-finite alpha. */
  constructor(features: number, options: PReLUOptions = {}) {
    checkCount("prelu", "features", features);
    const alpha = options.alpha ?? 0.25;
    if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
      throw new Error(`prelu: alpha must be a finite number, got ${String(alpha)}`);
    }
    this.features = features;
    this.shared = options.shared ?? false;
    this.named = options.name !== undefined;
    this.name = options.name ?? "prelu";
    this.alpha = createParam(`${this.name}.alpha`, Matrix.full(1, this.shared ? 1 : features, alpha));
  }

  /** Renames the layer and its parameter. */
  setName(name: string): void {
    this.name = name;
    this.alpha.name = `${name}.alpha`;
  }

  /** e.g. `"PReLU(16)"` or `"PReLU(16, shared α)"`. */
  describe(): string {
    return `PReLU(${this.features}${this.shared ? ", shared α" : ""})`;
  }

  /** Same width out as in. */
  outputFeatures(inFeatures: number): number {
    this.checkInput(inFeatures);
    return inFeatures;
  }

  /** y = z or α·z per element; remembers z. */
  forward(z: Matrix): Matrix {
    const y = this.predict(z);
    this.input = z;
    return y;
  }

  /** y = z or α·z per element, without remembering anything. */
  predict(z: Matrix): Matrix {
    this.checkInput(z.cols, z.shape);
    const y = new Matrix(z.rows, z.cols);
    const Z = z.data, Y = y.data, A = this.alpha.value.data, n = z.cols, step = this.shared ? 0 : 1;
    for (let r = 0; r < Z.length; r += n) {
      for (let j = 0, a = 0; j < n; j++, a += step) {
        const v = Z[r + j];
        Y[r + j] = v > 0 ? v : A[a] * v;
      }
    }
    return y;
  }

  /**
   * Returns dZ = dY ⊙ (1 or α) and adds dα = Σ dY·z over the elements with
   * z ≤ 0 (summed over the batch, and over features when shared).
   */
  backward(dOut: Matrix): Matrix {
    const z = requireForwardCache("prelu", this.input, dOut);
    const dz = new Matrix(z.rows, z.cols);
    const Z = z.data, D = dOut.data, DZ = dz.data, A = this.alpha.value.data, G = this.alpha.grad.data;
    const n = z.cols, step = this.shared ? 0 : 1;
    for (let r = 0; r < Z.length; r += n) {
      for (let j = 0, a = 0; j < n; j++, a += step) {
        const v = Z[r + j], d = D[r + j];
        if (v > 0) {
          DZ[r + j] = d;
        } else {
          DZ[r + j] = A[a] * d;
          G[a] += d * v;
        }
      }
    }
    return dz;
  }

  /** `[alpha]`. */
  parameters(): Param[] {
    return [this.alpha];
  }

  private checkInput(features: number, shape?: string): void {
    if (features !== this.features) {
      const shapes = shape === undefined ? "" : ` (input ${shape}, alpha ${this.alpha.value.shape})`;
      throw new Error(`prelu: input has ${features} features, expected ${this.features}${shapes}`);
    }
  }
}

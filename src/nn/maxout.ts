/**
 * Maxout (Goodfellow et al., 2013): each output unit is the maximum of k
 * affine "pieces" of the input,
 *
 *     y_u = max_p (X·W + b)_{u,p}
 *
 * so a unit learns its own convex, piecewise-linear activation (k = 2 with
 * one piece fixed at 0 would be a ReLU). It costs k times the parameters of
 * a Dense layer of the same width.
 *
 * It is built from a Dense layer of width out·k (one piece code path, one set
 * of gradient code): forward takes the max over each group of k columns and
 * remembers which piece won; backward routes each unit's gradient to that
 * piece alone (the others did not affect the output) and hands the result to
 * the Dense layer's backward.
 */
import type { Layer } from "./layer.ts";
import { Matrix } from "./matrix.ts";
import type { Param } from "./param.ts";
import type { Rng } from "./rng.ts";
import type { Initializer } from "./init.ts";
import { Dense } from "./dense.ts";
import { checkCount } from "./guards.ts";

/** Options for `new Maxout(in, out, options)`. */
export interface MaxoutOptions {
  /** Random source for the weights (required). */
  rng: Rng;
  /** Pieces per unit, k ≥ 1. Default 2. */
  pieces?: number;
  /** Weight initializer name or function (fanIn = in, fanOut = out·k). Default `"xavier"`. */
  init?: string | Initializer;
  /** Layer name; parameters are `${name}.W` (in × out·k) and `${name}.b`. Default `"maxout"`. */
  name?: string;
}

/**
 * Maxout layer: `out` units, each the max of `pieces` affine functions of the input.
 * Columns u·k … u·k + k − 1 of W and b belong to unit u.
 */
export class Maxout implements Layer {
  /** `"Maxout"`. */
  readonly kind = "Maxout";
  /** Input width. */
  readonly inFeatures: number;
  /** Number of output units. */
  readonly outFeatures: number;
  /** Pieces per unit (k). */
  readonly pieces: number;
  /** The affine map to all out·k pieces; its W and b are this layer's parameters. */
  readonly affine: Dense;
  /** Layer name. */
  name: string;
  /** Whether the name was chosen by the caller. */
  readonly named: boolean;
  /** For the last forward pass: the winning column of the pieces for each (example, unit). */
  protected winners: Int32Array | null = null;
  /** Rows of the last forward batch. */
  protected batch = 0;

  /** @throws for sizes or a piece count that are not positive integers, or a missing rng. */
  constructor(inFeatures: number, outFeatures: number, options: MaxoutOptions) {
    checkCount("maxout", "inFeatures", inFeatures);
    checkCount("maxout", "outFeatures", outFeatures);
    const pieces = options?.pieces ?? 2;
    checkCount("maxout", "pieces", pieces);
    if (!options?.rng) throw new Error("maxout: needs an rng to initialise W");
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.pieces = pieces;
    this.named = options.name !== undefined;
    this.name = options.name ?? "maxout";
    this.affine = new Dense(inFeatures, outFeatures * pieces, { rng: options.rng, init: options.init ?? "xavier", name: this.name });
  }

  /** Renames the layer and its parameters. */
  setName(name: string): void {
    this.name = name;
    this.affine.setName(name);
  }

  /** e.g. `"Maxout(4 → 3, k=2)"`. */
  describe(): string {
    return `Maxout(${this.inFeatures} → ${this.outFeatures}, k=${this.pieces})`;
  }

  /** Output width for a given input width (checks it). */
  outputFeatures(inFeatures: number): number {
    this.checkInput(inFeatures);
    return this.outFeatures;
  }

  /** y = max over each unit's pieces of X·W + b; remembers the winners. */
  forward(x: Matrix): Matrix {
    this.checkInput(x.cols, x.shape);
    const z = this.affine.forward(x);
    const winners = new Int32Array(x.rows * this.outFeatures);
    const y = this.maxPieces(z, winners);
    this.winners = winners;
    this.batch = x.rows;
    return y;
  }

  /** The output without remembering anything. */
  predict(x: Matrix): Matrix {
    this.checkInput(x.cols, x.shape);
    return this.maxPieces(this.affine.predict(x), null);
  }

  /**
   * Sends each unit's gradient to its winning piece (zero to the others),
   * then backpropagates through the affine map: adds dW, db, returns dX.
   */
  backward(dOut: Matrix): Matrix {
    const w = this.winners;
    if (!w) throw new Error("maxout: backward called before forward");
    if (dOut.rows !== this.batch || dOut.cols !== this.outFeatures) {
      throw new Error(`maxout: dOut is ${dOut.shape}, expected ${this.batch}x${this.outFeatures} (the forward output's shape)`);
    }
    const wide = this.outFeatures * this.pieces;
    const dz = new Matrix(this.batch, wide);
    const D = dOut.data, DZ = dz.data, n = this.outFeatures;
    for (let i = 0; i < this.batch; i++) {
      const r = i * n, rz = i * wide;
      for (let u = 0; u < n; u++) DZ[rz + w[r + u]] = D[r + u];
    }
    return this.affine.backward(dz);
  }

  /** `[W, b]` of the affine map (in × out·k and 1 × out·k). */
  parameters(): Param[] {
    return this.affine.parameters();
  }

  /** Max over each group of k columns; records the winning column when `winners` is given (ties: first piece). */
  private maxPieces(z: Matrix, winners: Int32Array | null): Matrix {
    const n = this.outFeatures, k = this.pieces, wide = n * k;
    const y = new Matrix(z.rows, n);
    const Z = z.data, Y = y.data;
    for (let i = 0; i < z.rows; i++) {
      const rz = i * wide, ry = i * n;
      for (let u = 0; u < n; u++) {
        const c0 = u * k;
        let best = c0, bestV = Z[rz + c0];
        for (let p = 1; p < k; p++) {
          const v = Z[rz + c0 + p];
          if (v > bestV) { bestV = v; best = c0 + p; }
        }
        Y[ry + u] = bestV;
        if (winners) winners[ry + u] = best;
      }
    }
    return y;
  }

  private checkInput(features: number, shape?: string): void {
    if (features !== this.inFeatures) {
      const shapes = shape === undefined ? "" : ` (input ${shape} · W ${this.affine.W.value.shape})`;
      throw new Error(`maxout: input has ${features} features, expected ${this.inFeatures}${shapes}`);
    }
  }
}

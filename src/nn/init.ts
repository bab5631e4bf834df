/**
 * Weight initialisers: how a dense layer's fanIn×fanOut weight matrix is drawn
 * before training.
 *
 * The scale matters. Each pre-activation sums fanIn terms, so with weights of
 * variance v its variance is about fanIn·v times the input's. Keeping that
 * factor near 1 keeps signals (and, backwards, gradients) from shrinking or
 * blowing up layer after layer:
 * - Glorot/Xavier (2010) compromises between the forward pass (fanIn) and the
 *   backward pass (fanOut): Var = 2 / (fanIn + fanOut). Suited to tanh and sigmoid.
 * - He/Kaiming (2015) doubles the forward variance, Var = 2 / fanIn, because
 *   ReLU zeroes half its inputs on average and so halves the variance.
 * - LeCun, Var = 1 / fanIn, for linear or SELU-like units.
 * Zeros are fine for biases but not for weights: every unit of a layer would
 * compute the same thing and receive the same gradient forever (symmetry).
 */
import { Matrix } from "./matrix.ts";
import type { Rng } from "./rng.ts";
import { randomMatrix } from "./random-matrix.ts";

/** Draws a fanIn×fanOut weight matrix. Every random draw comes from `rng`, so a seed repeats a run. */
export type Initializer = (fanIn: number, fanOut: number, rng: Rng) => Matrix;

function checkFans(name: string, fanIn: number, fanOut: number): void {
  if (!Number.isInteger(fanIn) || fanIn < 1) throw new Error(`${name}: fanIn must be a positive integer, got ${fanIn}`);
  if (!Number.isInteger(fanOut) || fanOut < 1) throw new Error(`${name}: fanOut must be a positive integer, got ${fanOut}`);
}

/**
 * Glorot/Xavier uniform: U(−L, L) with L = √(6 / (fanIn + fanOut)), so
 * Var = L²/3 = 2 / (fanIn + fanOut).
 */
export const xavierUniform: Initializer = (fanIn, fanOut, rng) => {
  checkFans("xavierUniform", fanIn, fanOut);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return randomMatrix(fanIn, fanOut, rng, { uniform: [-limit, limit] });
};

/** Glorot/Xavier normal: N(0, σ²) with σ² = 2 / (fanIn + fanOut). */
export const xavierNormal: Initializer = (fanIn, fanOut, rng) => {
  checkFans("xavierNormal", fanIn, fanOut);
  return randomMatrix(fanIn, fanOut, rng, { std: Math.sqrt(2 / (fanIn + fanOut)) });
};

/** He/Kaiming normal: N(0, σ²) with σ² = 2 / fanIn (for ReLU layers). */
export const heNormal: Initializer = (fanIn, fanOut, rng) => {
  checkFans("heNormal", fanIn, fanOut);
  return randomMatrix(fanIn, fanOut, rng, { std: Math.sqrt(2 / fanIn) });
};

/** He/Kaiming uniform: U(−L, L) with L = √(6 / fanIn), so Var = 2 / fanIn. */
export const heUniform: Initializer = (fanIn, fanOut, rng) => {
  checkFans("heUniform", fanIn, fanOut);
  const limit = Math.sqrt(6 / fanIn);
  return randomMatrix(fanIn, fanOut, rng, { uniform: [-limit, limit] });
};

/** LeCun normal: N(0, σ²) with σ² = 1 / fanIn. */
export const lecunNormal: Initializer = (fanIn, fanOut, rng) => {
  checkFans("lecunNormal", fanIn, fanOut);
  return randomMatrix(fanIn, fanOut, rng, { std: Math.sqrt(1 / fanIn) });
};

/**
 * All zeros. Right for biases; for weights it shows the symmetry problem (every
 * unit stays identical). Takes `rng` only to share the signature; draws nothing.
 */
export const zerosInit: Initializer = (fanIn, fanOut, _rng) => {
  checkFans("zerosInit", fanIn, fanOut);
  return new Matrix(fanIn, fanOut);
};

/**
 * N(0, std²) regardless of the fans — for experiments showing what a badly
 * chosen scale does (std 0.01 vanishes, std 1 explodes in deep stacks).
 * @throws `scaledNormal: std must be a finite number ≥ 0, got -1`.
 */
export function scaledNormal(std: number): Initializer {
  if (typeof std !== "number" || !Number.isFinite(std) || std < 0) {
    throw new Error(`scaledNormal: std must be a finite number ≥ 0, got ${std}`);
  }
  return (fanIn, fanOut, rng) => {
    checkFans("scaledNormal", fanIn, fanOut);
    return randomMatrix(fanIn, fanOut, rng, { std });
  };
}

const initializers: Record<string, Initializer> = {
  xavierUniform,
  xavierNormal,
  heNormal,
  heUniform,
  lecunNormal,
  zeros: zerosInit,
  // Short names: the common default of each family.
  xavier: xavierUniform,
  glorot: xavierUniform,
  he: heNormal,
  kaiming: heNormal,
  lecun: lecunNormal,
};

/** Names accepted by `initializer(name)`. */
export const initializerNames: readonly string[] = Object.keys(initializers);

/**
 * Looks up an initializer by name: `"xavierUniform"`, `"xavierNormal"`,
 * `"heNormal"`, `"heUniform"`, `"lecunNormal"`, `"zeros"`, or the short forms
 * `"xavier"`/`"glorot"` (uniform), `"he"`/`"kaiming"` (normal), `"lecun"`.
 * @throws `unknown initializer: foo (known: xavierUniform, ...)`.
 */
export function initializer(name: string): Initializer {
  const init = Object.hasOwn(initializers, name) ? initializers[name] : undefined;
  if (!init) throw new Error(`unknown initializer: ${name} (known: ${initializerNames.join(", ")})`);
  return init;
}

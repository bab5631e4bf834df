/**
 * Activation functions, each written as its value f and its derivative f′
 * side by side, with the facts the course compares them by (output range,
 * zero-centred or not, where it saturates, where it has kinks).
 *
 * The scalar forms (`f`, `df`) are what a reader plots and checks; the matrix
 * forms (`applyActivation`, `activationGrad`) are what layers use. The
 * derivative is always with respect to the pre-activation z, so a layer's
 * backward pass is dZ = dA ⊙ f′(Z).
 */
import { Matrix } from "./matrix.ts";
import { assertSameShape } from "./guards.ts";

/**
 * Makes `dfFromOutput` non-enumerable, so a modified copy such as
 * `{ ...tanh, df: myDf }` does not inherit it: a layer would otherwise use the
 * original's derivative-through-the-output and silently ignore `myDf`.
 */
function builtIn(act: ActivationFunction): ActivationFunction {
  Object.defineProperty(act, "dfFromOutput", { enumerable: false });
  return act;
}

/** An activation function and everything the course says about it. */
export interface ActivationFunction {
  /** Lookup name, e.g. `"relu"` or `"leakyRelu"`. */
  readonly name: string;
  /** The value f(z). */
  f(z: number): number;
  /** The derivative f′(z) (at a kink: the convention given in the TSDoc of that activation). */
  df(z: number): number;
  /**
   * The same derivative written through the output a = f(z) (σ′ = a(1 − a),
   * tanh′ = 1 − a²): lets a layer's backward pass skip recomputing f. Every
   * built-in activation has it; it is optional for custom ones
   * (`activationGradFromOutput` then throws).
   */
  dfFromOutput?(a: number): number;
  /** Output range [lo, hi] (±Infinity when unbounded). */
  readonly range: readonly [number, number];
  /** True when outputs are centred on 0 (f(0) = 0 and both signs occur), which keeps the next layer's inputs balanced. */
  readonly zeroCentred: boolean;
  /** True when f′(z) → 0 as z → +∞ or −∞ on at least one side (gradients vanish there). */
  readonly saturates: boolean;
  /** Where f′ vanishes: on both sides, only for negative z, or nowhere. */
  readonly saturation: "both" | "negative" | "none";
  /**
   * Whether f is twice continuously differentiable everywhere, so central
   * differences of a network using it agree with backprop to ~1e-7. False for
   * relu-like units and heaviside (kinks) and for elu (f″ jumps at 0 even when f′
   * does not); gradient checks then accept errors up to 1e-4.
   */
  readonly smooth?: boolean;
  /** Points where f′ jumps (f is not differentiable there); gradient checks avoid them. */
  readonly kinks: readonly number[];
  /** f in TeX, for the course's tables. */
  readonly formula: string;
  /** f′ in TeX. */
  readonly derivative: string;
  /** The parameter of a parametrised activation (α of leakyRelu and elu). */
  readonly alpha?: number;
}

/**
 * Heaviside step: 1 for z ≥ 0, else 0 (the perceptron's unit). Its derivative is
 * 0 everywhere it exists (and we return 0 at z = 0 too), so gradient descent
 * gets no signal through it — the reason smooth units replaced it.
 */
export const heaviside: ActivationFunction = builtIn({
  name: "heaviside",
  f: (z) => (z >= 0 ? 1 : 0),
  df: (_z) => 0,
  dfFromOutput: (_a) => 0,
  range: [0, 1],
  zeroCentred: false,
  saturates: true,
  saturation: "both",
  smooth: false,
  kinks: [0],
  formula: "H(z) = \\begin{cases} 1 & z \\ge 0 \\\\ 0 & z < 0 \\end{cases}",
  derivative: "H'(z) = 0 \\quad (z \\ne 0)",
});

/**
 * The logistic sigmoid σ(z) = 1 / (1 + e^{−z}) with σ′(z) = σ(z)(1 − σ(z)) (at most
 * 0.25, at z = 0). Computed stably: for z < 0 as e^{z} / (1 + e^{z}), so e^{−z}
 * never overflows and σ(−1000) is 0, not NaN.
 */
export const sigmoid: ActivationFunction = builtIn({
  name: "sigmoid",
  f: sigmoidValue,
  df: (z) => {
    const s = sigmoidValue(z);
    return s * (1 - s);
  },
  dfFromOutput: (a) => a * (1 - a),
  range: [0, 1],
  zeroCentred: false,
  saturates: true,
  saturation: "both",
  smooth: true,
  kinks: [],
  formula: "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
  derivative: "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))",
});

function sigmoidValue(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Hyperbolic tangent, tanh′(z) = 1 − tanh²(z) (at most 1, at z = 0). A zero-centred, rescaled sigmoid: tanh(z) = 2σ(2z) − 1. */
export const tanh: ActivationFunction = builtIn({
  name: "tanh",
  f: Math.tanh,
  df: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
  dfFromOutput: (a) => 1 - a * a,
  range: [-1, 1],
  zeroCentred: true,
  saturates: true,
  saturation: "both",
  smooth: true,
  kinks: [],
  formula: "\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
  derivative: "\\tanh'(z) = 1 - \\tanh^2(z)",
});

/**
 * Rectified linear unit max(0, z). Its derivative is 1 for z > 0 and 0 for
 * z < 0; at exactly z = 0 (a kink, where no derivative exists) we return 0,
 * the usual convention (any value in [0, 1] is a valid subgradient).
 * A unit whose inputs keep it at z < 0 gets no gradient at all ("dead ReLU").
 */
export const relu: ActivationFunction = builtIn({
  name: "relu",
  f: (z) => (z > 0 ? z : 0),
  df: (z) => (z > 0 ? 1 : 0),
  dfFromOutput: (a) => (a > 0 ? 1 : 0),
  range: [0, Infinity],
  zeroCentred: false,
  saturates: true,
  saturation: "negative",
  smooth: false,
  kinks: [0],
  formula: "\\operatorname{relu}(z) = \\max(0, z)",
  derivative: "\\operatorname{relu}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}",
});

function checkAlpha(name: string, alpha: number, positive: boolean): void {
  if (typeof alpha !== "number" || !Number.isFinite(alpha) || (positive ? alpha <= 0 : alpha < 0)) {
    throw new Error(`${name}: alpha must be a finite number ${positive ? "> 0" : "≥ 0"}, got ${alpha}`);
  }
}

/**
 * Leaky ReLU with slope α for z < 0: z for z > 0, αz otherwise; derivative 1
 * for z > 0 and α for z ≤ 0 (α at the kink z = 0, by convention). The small
 * negative slope keeps units from dying.
 * @param alpha negative-side slope, ≥ 0 (default 0.01).
 * @throws `leakyRelu: alpha must be a finite number ≥ 0, got -1`.
 */
export function createLeakyRelu(alpha = 0.01): ActivationFunction {
  checkAlpha("leakyRelu", alpha, false);
  return builtIn({
    name: "leakyRelu",
    f: (z) => (z > 0 ? z : alpha * z),
    df: (z) => (z > 0 ? 1 : alpha),
    dfFromOutput: (a) => (a > 0 ? 1 : alpha),
    range: [alpha > 0 ? -Infinity : 0, Infinity],
    zeroCentred: false,
    saturates: alpha === 0,
    saturation: alpha === 0 ? "negative" : "none",
    smooth: alpha === 1,
    kinks: alpha === 1 ? [] : [0],
    formula: `\\operatorname{leakyRelu}(z) = \\max(${alpha}z, z)`,
    derivative: `\\operatorname{leakyRelu}'(z) = \\begin{cases} 1 & z > 0 \\\\ ${alpha} & z \\le 0 \\end{cases}`,
    alpha,
  });
}

/** Leaky ReLU with the default α = 0.01 (see `createLeakyRelu`). */
export const leakyRelu: ActivationFunction = createLeakyRelu(0.01);

/**
 * Exponential linear unit: z for z > 0, α(e^{z} − 1) otherwise; derivative 1 for
 * z > 0 and αe^{z} for z ≤ 0. Outputs approach −α for very negative z, so the
 * mean activation sits nearer 0 than ReLU's. With α = 1 the derivative is
 * continuous at 0 (no kink); otherwise it jumps from α to 1 there.
 * @param alpha scale of the negative side, > 0 (default 1).
 * @throws `elu: alpha must be a finite number > 0, got 0`.
 */
export function createElu(alpha = 1): ActivationFunction {
  checkAlpha("elu", alpha, true);
  return builtIn({
    name: "elu",
    // expm1 keeps precision for small negative z, where e^z − 1 would cancel.
    f: (z) => (z > 0 ? z : alpha * Math.expm1(z)),
    df: (z) => (z > 0 ? 1 : alpha * Math.exp(z)),
    dfFromOutput: (a) => (a > 0 ? 1 : a + alpha),
    range: [-alpha, Infinity],
    zeroCentred: false,
    saturates: true,
    saturation: "negative",
    smooth: false,
    kinks: alpha === 1 ? [] : [0],
    formula: `\\operatorname{elu}(z) = \\begin{cases} z & z > 0 \\\\ ${alpha}(e^{z} - 1) & z \\le 0 \\end{cases}`,
    derivative: `\\operatorname{elu}'(z) = \\begin{cases} 1 & z > 0 \\\\ ${alpha}e^{z} & z \\le 0 \\end{cases}`,
    alpha,
  });
}

/** ELU with the default α = 1 (see `createElu`). */
export const elu: ActivationFunction = createElu(1);

/**
 * Softplus log(1 + e^{z}), a smooth ReLU whose derivative is the sigmoid.
 * Computed stably as max(z, 0) + log(1 + e^{−|z|}).
 */
export const softplus: ActivationFunction = builtIn({
  name: "softplus",
  f: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  df: sigmoidValue,
  dfFromOutput: (a) => -Math.expm1(-a),
  range: [0, Infinity],
  zeroCentred: false,
  saturates: true,
  saturation: "negative",
  smooth: true,
  kinks: [],
  formula: "\\operatorname{softplus}(z) = \\log(1 + e^{z})",
  derivative: "\\operatorname{softplus}'(z) = \\sigma(z)",
});

/** Identity f(z) = z, f′ = 1: the output unit of a regression network (or "no activation"). */
export const identity: ActivationFunction = builtIn({
  name: "identity",
  f: (z) => z,
  df: (_z) => 1,
  dfFromOutput: (_a) => 1,
  range: [-Infinity, Infinity],
  zeroCentred: true,
  saturates: false,
  saturation: "none",
  smooth: true,
  kinks: [],
  formula: "f(z) = z",
  derivative: "f'(z) = 1",
});

const fixed: Record<string, ActivationFunction> = { heaviside, sigmoid, tanh, relu, softplus, identity, linear: identity };

/** Names accepted by `activation(name)` (`"linear"` is an alias of `"identity"`). */
export const activationNames: readonly string[] = ["heaviside", "sigmoid", "tanh", "relu", "leakyRelu", "elu", "softplus", "identity", "linear"];

/** Options of `activation(name, opts)`. */
export interface ActivationOptions {
  /** α of `leakyRelu` (default 0.01) or `elu` (default 1); rejected for other activations. */
  alpha?: number;
}

/**
 * Looks up an activation by name (`"relu"`, `"leakyRelu"`, ...); an
 * `ActivationFunction` passes through unchanged, so layers can accept either.
 * @throws `unknown activation: foo (known: heaviside, sigmoid, ...)`, or when `alpha`
 * is given to an activation without one.
 */
export function activation(name: string | ActivationFunction, opts: ActivationOptions = {}): ActivationFunction {
  if (typeof name === "object" && name !== null && typeof name.f === "function" && typeof name.df === "function") return name;
  if (typeof name !== "string") throw new Error(`unknown activation: ${String(name)} (known: ${activationNames.join(", ")})`);
  if (name === "leakyRelu") return opts.alpha === undefined ? leakyRelu : createLeakyRelu(opts.alpha);
  if (name === "elu") return opts.alpha === undefined ? elu : createElu(opts.alpha);
  const act = Object.hasOwn(fixed, name) ? fixed[name] : undefined;
  if (!act) throw new Error(`unknown activation: ${name} (known: ${activationNames.join(", ")})`);
  if (opts.alpha !== undefined) throw new Error(`activation: ${name} has no alpha (only leakyRelu and elu do)`);
  return act;
}

/**
 * A = f(Z), element-wise.
 * @param act an activation or its name.
 * @param out optional destination of Z's shape (may be Z itself).
 */
export function applyActivation(act: ActivationFunction | string, z: Matrix, out?: Matrix): Matrix {
  const a = activation(act);
  const res = out ?? new Matrix(z.rows, z.cols);
  assertSameShape("applyActivation", z, res);
  const Z = z.data, R = res.data, f = a.f;
  const loop = valueLoops.get(f);
  if (loop) loop(Z, R);
  else for (let i = 0; i < Z.length; i++) R[i] = f(Z[i]);
  return res;
}

/**
 * Backward through an activation: dZ = dA ⊙ f′(Z), where dA is the gradient of
 * the loss with respect to the activation's output and Z its input.
 * @param out optional destination (may be dA or Z).
 * @throws `activationGrad: shape mismatch 3x2 vs 2x3` when Z and dA differ in shape.
 */
export function activationGrad(act: ActivationFunction | string, z: Matrix, dA: Matrix, out?: Matrix): Matrix {
  const a = activation(act);
  assertSameShape("activationGrad", z, dA);
  const res = out ?? new Matrix(z.rows, z.cols);
  assertSameShape("activationGrad", z, res);
  const Z = z.data, D = dA.data, R = res.data, df = a.df;
  for (let i = 0; i < Z.length; i++) R[i] = D[i] * df(Z[i]);
  return res;
}

/**
 * Backward through an activation from its output: dZ = dA ⊙ f′ computed as
 * `dfFromOutput(A)`, where A = f(Z) is the activation's output. Same result as
 * `activationGrad(act, Z, dA)` (up to rounding) without evaluating f again, so
 * a layer can keep A instead of Z.
 * @param out optional destination (may be dA or A).
 * @throws `activationGradFromOutput: shape mismatch 3x2 vs 2x3`, or when the activation has no `dfFromOutput`.
 */
export function activationGradFromOutput(act: ActivationFunction | string, a: Matrix, dA: Matrix, out?: Matrix): Matrix {
  const fn = activation(act);
  if (typeof fn.dfFromOutput !== "function") {
    throw new Error(`activationGradFromOutput: ${fn.name} has no dfFromOutput; use activationGrad with the input`);
  }
  assertSameShape("activationGradFromOutput", a, dA);
  const res = out ?? new Matrix(a.rows, a.cols);
  assertSameShape("activationGradFromOutput", a, res);
  const A = a.data, D = dA.data, R = res.data, dfo = fn.dfFromOutput;
  const loop = gradFromOutputLoops.get(dfo);
  if (loop) loop(A, D, R);
  else for (let i = 0; i < A.length; i++) R[i] = D[i] * dfo(A[i]);
  return res;
}

/*
 * Whole-array loops for the activations training uses most. The generic loops
 * above call `f` once per element through a variable that holds a different
 * function for each activation, so V8 cannot inline it; a loop that names its
 * function can (tanh over a 1024×64 batch runs about twice as fast). Same
 * arithmetic, same results — these are the values of `f` and `dfFromOutput`.
 */
const valueLoops = new Map<(z: number) => number, (Z: Float64Array, R: Float64Array) => void>([
  [tanh.f, (Z, R) => {
    for (let i = 0; i < Z.length; i++) R[i] = Math.tanh(Z[i]);
  }],
  [relu.f, (Z, R) => {
    for (let i = 0; i < Z.length; i++) R[i] = Z[i] > 0 ? Z[i] : 0;
  }],
  [sigmoid.f, (Z, R) => {
    for (let i = 0; i < Z.length; i++) R[i] = sigmoidValue(Z[i]);
  }],
]);
const gradFromOutputLoops = new Map<(a: number) => number, (A: Float64Array, D: Float64Array, R: Float64Array) => void>([
  [tanh.dfFromOutput!, (A, D, R) => {
    for (let i = 0; i < A.length; i++) R[i] = D[i] * (1 - A[i] * A[i]);
  }],
  [relu.dfFromOutput!, (A, D, R) => {
    for (let i = 0; i < A.length; i++) R[i] = D[i] * (A[i] > 0 ? 1 : 0);
  }],
  [sigmoid.dfFromOutput!, (A, D, R) => {
    for (let i = 0; i < A.length; i++) R[i] = D[i] * (A[i] * (1 - A[i]));
  }],
]);

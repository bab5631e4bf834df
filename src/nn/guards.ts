/**
 * The library's input guards: the checks its functions, layers and optimisers
 * run on what they are given, so a bad value fails at once with a message that
 * names it (`dense: inFeatures must be a positive integer, got 0`).
 *
 * Internal: not exported from `nn/index.ts`, so a cell's `nn` namespace holds
 * the course's vocabulary and not these helpers.
 */
import type { Matrix } from "./matrix.ts";
import type { Param } from "./param.ts";

/**
 * Throws `${op}: shape mismatch AxB vs CxD` unless `a` and `b` have the same shape.
 * @param op name of the calling operation, used as the error's prefix.
 */
export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${op}: shape mismatch ${a.shape} vs ${b.shape}`);
  }
}

/** Throws `${op}: ${what} must be a positive integer, got ${n}` unless n is one. */
export function checkCount(op: string, what: string, n: number): void {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${op}: ${what} must be a positive integer, got ${String(n)}`);
}

/**
 * What every element-wise layer's backward starts with: a forward pass
 * happened (so there is a cache), and dOut has the shape of what it cached.
 * Returns the cache. (A guard on backward's input, not a gradient check: those
 * are `checkLayer` and `checkModel`.)
 */
export function requireForwardCache(op: string, cached: Matrix | null, dOut: Matrix): Matrix {
  if (!cached) throw new Error(`${op}: backward called before forward`);
  if (dOut.rows !== cached.rows || dOut.cols !== cached.cols) {
    throw new Error(`${op}: dOut is ${dOut.shape}, expected ${cached.shape} (the forward output's shape)`);
  }
  return cached;
}

/** Checks a learning rate: finite and > 0. Used by the optimisers and by `train` for schedules. */
export function checkLearningRate(owner: string, lr: unknown): number {
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr <= 0) {
    throw new Error(`${owner}: lr must be > 0, got ${String(lr)}`);
  }
  return lr;
}

/** Checks a hyper-parameter lies in [lo, hi) (or [lo, hi] when `closedHigh`); returns it. */
export function checkRange(owner: string, what: string, v: unknown, lo: number, hi: number, closedHigh = false): number {
  const ok = typeof v === "number" && Number.isFinite(v) && v >= lo && (closedHigh ? v <= hi : v < hi);
  if (!ok) {
    const range = Number.isFinite(hi) ? `in [${lo}, ${hi}${closedHigh ? "]" : ")"}` : `>= ${lo}`;
    throw new Error(`${owner}: ${what} must be ${range}, got ${String(v)}`);
  }
  return v as number;
}

/** Checks a strictly positive, finite hyper-parameter (such as ε); returns it. */
export function checkPositive(owner: string, what: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new Error(`${owner}: ${what} must be > 0, got ${String(v)}`);
  }
  return v;
}

/**
 * Checks an optimiser's options: an object with no unknown names, so a typo
 * (`learningRate`) is not silently ignored. PyTorch's constructors take the
 * parameters first (`torch.optim.SGD(model.parameters(), lr=0.1)`); here the
 * parameters go to `step`, and the message says so.
 * @param usage how a reader creates this optimiser, e.g. `new SGD({ lr: 0.1 })`, for the message.
 */
export function checkOptimizerOptions(owner: string, usage: string, opts: unknown, known: readonly string[]): void {
  rejectParameters(owner, usage, opts);
  if (typeof opts !== "object" || opts === null) {
    throw new Error(`${owner}: options must be an object such as { lr: 0.1 }, got ${String(opts)}`);
  }
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) throw new Error(`${owner}: unknown option ${key} (known: ${known.join(", ")})`);
  }
}

/** Throws the PyTorch-habit message when `opts` is a parameter list (or one parameter) instead of options. */
export function rejectParameters(owner: string, usage: string, opts: unknown): void {
  const first: unknown = Array.isArray(opts) ? opts[0] : opts;
  const isParam = typeof first === "object" && first !== null && "value" in first && "grad" in first;
  if (Array.isArray(opts) || isParam) {
    throw new Error(`${owner}: takes options, not the parameters (those go to step): ${usage}, then opt.step(model.parameters()) after each backward`);
  }
}

/** Checks that `step` was given the parameter list (`opt.step(model.parameters())`), the one thing it updates. */
export function checkStepParameters(owner: string, params: unknown): void {
  if (!Array.isArray(params)) {
    throw new Error(`${owner}: step needs the parameters to update: opt.step(model.parameters()), got ${params === null || typeof params !== "object" ? String(params) : "an object"}`);
  }
}

/** Checks that a parameter's gradient has the value's shape before an update reads it. */
export function checkParamShapes(owner: string, p: Param): void {
  if (p.grad.rows !== p.value.rows || p.grad.cols !== p.value.cols) {
    throw new Error(`${owner}: gradient of ${p.name} is ${p.grad.shape}, value is ${p.value.shape}`);
  }
}

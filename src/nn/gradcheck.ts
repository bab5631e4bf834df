/**
 * Gradient checks: the course's grader and a tool readers use on their own code.
 *
 * A backward pass is checked against central differences in float64,
 *   numeric = (f(x + h) − f(x − h)) / 2h,
 * element by element, with the relative error |a − n| / max(|a| + |n|, 1e-8).
 * Central differences are accurate to O(h²) for smooth functions, so with
 * h = 1e-5 a correct gradient typically agrees to 1e-9 or better.
 *
 * Bands for one element (src/ARCHITECTURE.md, "Exercises and the grader"):
 * - good: error ≤ 1e-7, or |a − n| below the rounding noise of the difference
 *   quotient (about 16·ε·|f| / h): the numeric gradient cannot resolve more.
 * - acceptable: error ≤ 1e-4, allowed only where kinks are to be expected:
 *   the element is itself near a kink, or the function is piecewise (the
 *   caller says `piecewise: true`, `inferPiecewise` finds ReLU-like parts, or
 *   the check confirmed at least one kink: in a
 *   ReLU network with many units a step of h can also cross a kink too small
 *   to notice, shifting the numeric gradient slightly).
 * - suspicious: above 1e-7 (or 1e-4 where acceptable is allowed) up to 1e-2.
 * - wrong: above 1e-2.
 * The check is `ok` when no element is suspicious or wrong and there are no
 * problems (NaN/Infinity, an analytic gradient that changes between two runs,
 * a backward that overwrites instead of adding into Param.grad, modified inputs
 * or parameter values, a loss that is not deterministic).
 *
 * Kinks. f(x) is evaluated once, so each element also gives its one-sided
 * slopes fwd = (f(x+h) − f(x))/h and bwd = (f(x) − f(x−h))/h for free. A smooth
 * function has |fwd − bwd| ≈ |f″|·h, tiny; when a ReLU, max or abs switches
 * branch between x − h and x + h the slopes jump by an amount that does not
 * shrink with h. An element is suspected to be near a kink when
 *   |fwd − bwd| > kinkTolerance · max(|fwd| + |bwd|, mean |numeric| of its parameter)
 * (default 1e-4) and the jump is above rounding noise. Strong curvature can
 * do that too, so a suspect is probed again at h/10 (and h/100): if the jump
 * shrinks with the step it was curvature (or a kink no longer crossed) and the
 * smaller step's central difference is judged as smooth; if it does not
 * shrink, the element is confirmed near a kink. There the central difference
 * averages two different slopes and means nothing, but a correct analytic
 * gradient still equals the slope of the side the point is on (or, exactly at
 * the kink, a subgradient between them). So near a kink the error is measured
 * against the nearer of fwd and bwd (0 when the analytic value lies between
 * them), and it may be at most 1e-4 (one-sided slopes are only O(h) accurate).
 * A wrong gradient (sign flip, factor 2, zeros) matches neither side and is
 * still caught; the kink test looks only at f, so a buggy backward cannot make
 * itself look like a kink. If every checked element is near a kink the check
 * refuses to pass: choose another point. Check at random points of an
 * untrained model, where gradients are not all ~0.
 */
import { cooperate } from "./cooperate.ts";
import { errorSummary } from "./error-summary.ts";
import { loss as lookupLoss, type LossFunction } from "./losses.ts";
import { Matrix } from "./matrix.ts";
import type { Layer } from "./layer.ts";
import { zeroGrads, type Param } from "./param.ts";
import { createRng, type Rng } from "./rng.ts";

/** Relative error |a − n| / max(|a| + |n|, 1e-8): scale-free, and 0 when both are 0. */
export function relativeError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
}

/**
 * The numeric gradient of f with respect to every element of x by central
 * differences. f must read x (it is changed in place, one element at a time,
 * and restored exactly afterwards, also when f throws).
 * @param h step (default 1e-5).
 */
export function numericGradient(f: () => number, x: Matrix, h = 1e-5): Matrix {
  checkStep("numericGradient", h);
  const g = new Matrix(x.rows, x.cols);
  const X = x.data;
  for (let k = 0; k < X.length; k++) {
    const v = X[k];
    try {
      X[k] = v + h;
      const hp = X[k] - v; // the step actually taken, after rounding
      const fp = f();
      X[k] = v - h;
      const hm = v - X[k];
      const fm = f();
      g.data[k] = (fp - fm) / (hp + hm);
    } finally {
      X[k] = v;
    }
  }
  return g;
}

/** Band of one checked element or of a whole check (see the file comment). */
export type GradBand = "good" | "acceptable" | "suspicious" | "wrong";

const bandRank: Record<GradBand, number> = { good: 0, acceptable: 1, suspicious: 2, wrong: 3 };

/**
 * The band of a relative error.
 * @param acceptableAllowed whether errors up to 1e-4 are acceptable (near kinks, piecewise functions) rather than suspicious.
 */
export function gradientBand(error: number, acceptableAllowed = false): GradBand {
  if (!(error <= 1e-2)) return "wrong"; // also NaN
  if (error <= 1e-7) return "good";
  if (error <= 1e-4 && acceptableAllowed) return "acceptable";
  return "suspicious";
}

/** One checked element. */
export interface GradCheckElement {
  /** Parameter (or input) name. */
  param: string;
  /** Row and column of the element. */
  index: [number, number];
  /** The gradient the backward pass computed. */
  analytic: number;
  /** The central difference. */
  numeric: number;
  /** One-sided slope (f(x+h) − f(x))/h. */
  forward: number;
  /** One-sided slope (f(x) − f(x−h))/h. */
  backward: number;
  /** The step used: h, or h/10 or h/100 after a suspected kink was probed again (see the file comment). */
  step: number;
  /** The error the band is based on (kink-aware; equals `centralError` away from kinks). */
  error: number;
  /** relativeError(analytic, numeric). */
  centralError: number;
  /** Whether the one-sided slopes disagree, i.e. a kink lies within h. */
  nearKink: boolean;
  /** Whether |analytic − numeric| is below the rounding noise of the difference quotient. */
  withinNoise: boolean;
  band: GradBand;
}

/** Summary for one parameter (or input). */
export interface GradCheckParamReport {
  name: string;
  /** Shape of the parameter, e.g. `"2x4"`. */
  shape: string;
  /** Elements checked (≤ `total` when sampling). */
  count: number;
  /** Elements in the parameter. */
  total: number;
  /** Largest error, leaving out elements within rounding noise. */
  maxError: number;
  /** Largest relative error of the elements within rounding noise (see `GradCheckReport.maxNoiseError`). */
  maxNoiseError: number;
  meanError: number;
  band: GradBand;
  /** Checked elements near a kink. */
  kinks: number;
  /** Whether this is an input (checked through the gradient backward returned) rather than a parameter. */
  input: boolean;
}

/** The result of a gradient check. */
export interface GradCheckReport {
  /** True when no element is suspicious or wrong and there are no problems. */
  ok: boolean;
  /** The worst band of any element ("wrong" when there are problems). */
  band: GradBand;
  /** Largest error over the checked elements, leaving out those within rounding noise (see `withinNoise`). */
  maxError: number;
  /**
   * Largest relative error of the elements within rounding noise: what the
   * agreement really was when `maxError` is 0 because every element is within
   * noise (show it with {@link errorSummary}, never a bare 0).
   */
  maxNoiseError: number;
  /** Mean error over the same elements. */
  meanError: number;
  /** The element with the largest error (null if nothing was checked). */
  worst: GradCheckElement | null;
  perParam: GradCheckParamReport[];
  /** Elements whose |analytic − numeric| is below rounding noise (good, and left out of maxError/meanError). */
  withinNoise: number;
  /** Largest |analytic − numeric| over all checked elements (an absolute view that includes those within noise). */
  maxAbsDiff: number;
  /** Number of checked elements near a kink. */
  kinks: number;
  /** Number of elements checked. */
  checked: number;
  /** Whether errors up to 1e-4 were accepted everywhere (declared or inferred piecewise, or a kink was confirmed). */
  piecewise: boolean;
  /** Human-readable problems: NaN/Infinity with location, non-repeatable or overwriting backward, modified inputs. */
  problems: string[];
  /** Every checked element, when `keepElements` was set (for plots and tables). */
  elements?: GradCheckElement[];
  /** Step, seed and sampling used, so the reader can repeat the check. */
  h: number;
  seed: number;
  maxPerParam: number;
  /** Loss evaluations made. */
  evaluations: number;
  elapsedMs: number;
}

/** An input of the checked function: must not be modified; optionally its gradient is checked too. */
export interface GradCheckInput {
  name: string;
  /** The matrix the loss reads (the check perturbs it in place and restores it). */
  value: Matrix;
  /** The analytic gradient with respect to `value` after the last `backward()` (e.g. the dX a layer returned). */
  grad?: () => Matrix;
}

/** Options of `checkGradients`. */
export interface GradCheckOptions {
  /** Parameters to check; their `grad` must be filled (added into) by `backward`. */
  params: readonly Param[];
  /** Evaluates the loss at the current parameter and input values (must be deterministic). */
  loss: () => number;
  /**
   * Computes the analytic gradients at the current values, adding them into
   * each `Param.grad` (run the forward pass inside it if backward needs its cache).
   * The check zeroes the gradients before calling it; it must not zero them itself.
   */
  backward: () => void;
  /** Inputs: checked for modification; those with `grad` also get their gradient checked. Plain matrices are only checked for modification. */
  inputs?: readonly (Matrix | GradCheckInput)[];
  /** Finite-difference step (default 1e-5). */
  h?: number;
  /** Seed for sampling elements (default 0); ignored when `rng` is given. */
  seed?: number;
  /** Random source for sampling elements. */
  rng?: Rng;
  /** Check at most this many elements per parameter, chosen at random (default: all). */
  maxPerParam?: number;
  /**
   * Declare the function piecewise (ReLU, max...): errors up to 1e-4 are acceptable everywhere; `false` insists on 1e-7
   * away from confirmed kinks. Default: piecewise if a kink is confirmed (`checkLayer`/`checkModel` first ask `inferPiecewise`).
   */
  piecewise?: boolean;
  /** Relative slope jump that marks a kink (default 1e-4; see the file comment). */
  kinkTolerance?: number;
  /** Check that backward adds into Param.grad rather than overwriting it (default true). */
  checkAccumulation?: boolean;
  /** Keep every checked element in the report (default false). */
  keepElements?: boolean;
}

/** Rounding noise of a difference quotient: a few dozen ulps of |f|, divided by the step. */
const NOISE_ULPS = 16;
/** Elements that look near a kink are probed again at h/10 and h/100 (see `confirmKink`). */
const KINK_RETRIES = 2;
/** How many problems of one kind to list before summarising. */
const MAX_LISTED = 5;

/** The raw numbers of one checked element. */
interface Probe {
  a: number;
  numeric: number;
  fwd: number;
  bwd: number;
  noise: number;
}

function makeProbe(a: number, f0: number, fp: number, fm: number, hp: number, hm: number): Probe {
  return {
    a,
    numeric: (fp - fm) / (hp + hm),
    fwd: (fp - f0) / hp,
    bwd: (f0 - fm) / hm,
    noise: (NOISE_ULPS * Number.EPSILON * Math.max(Math.abs(fp), Math.abs(fm), Math.abs(f0))) / Math.min(hp, hm),
  };
}

/** The typical gradient size of one parameter: mean |numeric| over its checked elements. */
function gradientScale(probes: readonly Probe[]): number {
  let sum = 0;
  for (const p of probes) sum += Math.abs(p.numeric);
  return probes.length ? sum / probes.length : 0;
}

/** The verdict on one element, before banding. */
interface Verdict {
  error: number;
  centralError: number;
  nearKink: boolean;
  withinNoise: boolean;
}

/**
 * Kink-aware error of one element. The slope jump |fwd − bwd| is compared with
 * the element's own slopes and with its parameter's typical gradient `scale`,
 * so an element whose gradient happens to be near 0 is not mistaken for a kink
 * by ordinary curvature.
 */
function judge({ a, numeric, fwd, bwd, noise }: Probe, kinkTol: number, scale: number): Verdict {
  const centralError = relativeError(a, numeric);
  const jump = Math.abs(fwd - bwd);
  const nearKink = jump > 4 * noise && jump > kinkTol * Math.max(Math.abs(fwd) + Math.abs(bwd), scale);
  let error = centralError;
  if (nearKink) {
    // The true derivative is the slope of the side the point is on; exactly at
    // the kink any value between the two slopes is a valid subgradient.
    const between = (a - fwd) * (a - bwd) <= 0;
    error = between ? 0 : Math.min(centralError, relativeError(a, fwd), relativeError(a, bwd));
  }
  return { error, centralError, nearKink, withinNoise: Math.abs(a - numeric) <= noise };
}

/** Whether a verdict needs no further look: good, or within rounding noise. */
function settled(v: Verdict): boolean {
  return v.withinNoise || v.error <= 1e-7;
}

/**
 * Looks again, at h/10 (and h/100 if still needed), at an element whose slopes
 * jumped at step h. A slope jump may be a kink or only strong curvature (or
 * rounding noise): curvature's jump shrinks tenfold with the step, while a kink
 * still crossed keeps its jump. The element is confirmed near a kink when its
 * jump at h/10 is still at least a fifth of the jump at h and above noise;
 * otherwise every probe is judged as smooth (its central difference is valid).
 * Each probe gives a verdict and the best counts (the first settled one, else
 * the smallest error): a correct gradient agrees at some step that crosses no
 * kink, while a wrong one (sign, factor, zeros) disagrees at every step.
 * @param probeAt evaluates the element at a step, or null when the loss is not finite there.
 */
function refine(
  first: Probe,
  h: number,
  kinkTol: number,
  scale: number,
  probeAt: (step: number) => Probe | null,
): { probe: Probe; verdict: Verdict; step: number } {
  const v0 = judge(first, kinkTol, scale);
  if (!v0.nearKink) return { probe: first, verdict: v0, step: h };
  const asSmooth = (p: Probe, v: Verdict): Verdict => {
    const e = relativeError(p.a, p.numeric);
    return { error: e, centralError: e, nearKink: false, withinNoise: v.withinNoise };
  };
  const jump = (p: Probe): number => Math.abs(p.fwd - p.bwd);
  const candidates: { probe: Probe; verdict: Verdict; step: number }[] = [];
  let confirmed = true; // if the smaller step cannot be evaluated, keep the suspicion
  let last = first;
  for (let r = 1; r <= KINK_RETRIES; r++) {
    const step = h / 10 ** r;
    const p = probeAt(step);
    if (!p) break;
    const kinkHere = jump(p) > 0.2 * jump(last) && jump(p) > 4 * p.noise;
    if (r === 1) confirmed = kinkHere;
    const v = judge(p, kinkTol, scale);
    candidates.push({ probe: p, verdict: kinkHere ? v : asSmooth(p, v), step });
    last = p;
    if (settled(candidates[candidates.length - 1].verdict)) break;
    if (r === 1 && settled(confirmed ? v0 : asSmooth(first, v0))) break;
  }
  candidates.unshift({ probe: first, verdict: confirmed ? v0 : asSmooth(first, v0), step: h });
  let best = candidates.find((c) => settled(c.verdict));
  if (!best) {
    best = candidates[0];
    for (const c of candidates) if (c.verdict.error < best.verdict.error) best = c;
  }
  return { ...best, verdict: { ...best.verdict, nearKink: confirmed } };
}

function checkStep(op: string, h: number): void {
  if (typeof h !== "number" || !(h > 0) || !Number.isFinite(h)) throw new Error(`${op}: h must be a finite number > 0, got ${h}`);
}

function at(m: Matrix, k: number): [number, number] {
  if (m.cols === 0) return [k, 0];
  const i = Math.floor(k / m.cols);
  return [i, k - i * m.cols];
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e4 ? String(+v.toPrecision(6)) : v.toExponential(3);
}

interface Target {
  name: string;
  value: Matrix;
  analytic: Float64Array;
  input: boolean;
}

/** The checked options, with defaults filled in. */
interface Settings {
  params: readonly Param[];
  loss: () => number;
  backward: () => void;
  inputs: GradCheckInput[];
  h: number;
  maxPerParam: number;
  kinkTol: number;
  rng: Rng;
}

/**
 * One check in progress: its settings, the problems found so far, the loss
 * evaluations made, and the snapshots every phase compares against (nothing
 * the check runs may change the inputs or the parameter values).
 */
interface Session extends Settings {
  options: GradCheckOptions;
  start: number;
  problems: string[];
  evaluations: number;
  /** Set when a phase found an input or parameter changed (then restored). */
  mutated: boolean;
  inputSnap: Float64Array[];
  paramSnap: Float64Array[];
}

/**
 * Checks the analytic gradients of a scalar function of parameters (and
 * optionally inputs) against central differences; see the file comment for
 * the bands and the kink rule. Also checks that the backward pass is
 * repeatable (two runs give identical gradients), adds into Param.grad (a run
 * on pre-filled gradients adds exactly the same amounts), leaves inputs and
 * parameter values unchanged, and that nothing is NaN or Infinity.
 * Parameters and inputs are restored exactly; afterwards each Param.grad holds
 * the analytic gradient. Awaits `cooperate()` between elements, so a long
 * check can be interrupted (the interruption propagates; values are restored first).
 * @throws on bad options (`checkGradients: h must be a finite number > 0, got 0`).
 */
export async function checkGradients(options: GradCheckOptions): Promise<GradCheckReport> {
  const start = performance.now();
  const settings = readSettings(options);
  const s: Session = {
    ...settings, options, start, problems: [], evaluations: 0, mutated: false,
    inputSnap: settings.inputs.map((x) => x.value.data.slice()),
    paramSnap: settings.params.map((p) => p.value.data.slice()),
  };
  // Phase 1: gradient buffers of the right shape, and a finite, deterministic loss at the point.
  if (!gradShapesMatch(s)) return report(s);
  const f0 = lossAtPoint(s);
  if (f0 === null) return report(s);
  // Phase 2: the analytic gradients (run A), finite.
  const { gradA, inputGradA, targets } = analyticGradients(s);
  // Phase 3: the same call gives the same numbers (run B), and backward adds into Param.grad (run C).
  checkRepeatable(s, gradA, inputGradA);
  if (options.checkAccumulation ?? true) checkAccumulates(s, gradA);
  s.params.forEach((p, n) => p.grad.data.set(gradA[n]));
  // A function that changes its inputs or parameters has no fixed point to differentiate at.
  if (s.mutated) return report(s);
  // Phase 4: numeric gradients, element by element, kink-aware; phase 5: bands and the summary.
  const perTarget = await numericGradients(s, targets, f0);
  return summariseCheck(s, targets, perTarget);
}

/** Validates the options and fills in the defaults. */
function readSettings(options: GradCheckOptions): Settings {
  const { params, loss, backward } = options;
  if (!Array.isArray(params)) throw new Error("checkGradients: params must be an array of Param");
  if (typeof loss !== "function") throw new Error("checkGradients: loss must be a function returning a number");
  if (typeof backward !== "function") throw new Error("checkGradients: backward must be a function");
  const h = options.h ?? 1e-5;
  checkStep("checkGradients", h);
  const maxPerParam = options.maxPerParam ?? Infinity;
  if (!(maxPerParam >= 1)) throw new Error(`checkGradients: maxPerParam must be ≥ 1, got ${maxPerParam}`);
  const kinkTol = options.kinkTolerance ?? 1e-4;
  if (!(kinkTol > 0)) throw new Error(`checkGradients: kinkTolerance must be > 0, got ${kinkTol}`);
  const rng = options.rng ?? createRng(options.seed ?? 0);
  const inputs: GradCheckInput[] = (options.inputs ?? []).map((x, i) =>
    x instanceof Matrix ? { name: `input ${i}`, value: x } : x,
  );
  return { params, loss, backward, inputs, h, maxPerParam, kinkTol, rng };
}

/** One loss evaluation, counted and type-checked. */
function evaluate(s: Session): number {
  s.evaluations++;
  const v = s.loss();
  if (typeof v !== "number") throw new Error(`checkGradients: loss() must return a number, got ${typeof v}`);
  return v;
}

/** The report as it stands (a failed one unless `extra` says otherwise). */
function report(s: Session, extra: Partial<GradCheckReport> = {}): GradCheckReport {
  return {
    ok: false, band: "wrong", maxError: NaN, maxNoiseError: NaN, meanError: NaN, worst: null, perParam: [], withinNoise: 0, maxAbsDiff: NaN, kinks: 0, checked: 0,
    piecewise: s.options.piecewise ?? false, problems: s.problems, h: s.h, seed: s.rng.seed, maxPerParam: s.maxPerParam, evaluations: s.evaluations,
    elapsedMs: performance.now() - s.start, ...extra,
  };
}

/** Names, and restores, any input or parameter value that `when` changed. */
function checkUnchanged(s: Session, when: string): void {
  s.inputs.forEach((x, n) => {
    const k = firstDifference(x.value.data, s.inputSnap[n]);
    if (k >= 0) {
      const [i, j] = at(x.value, k);
      s.mutated = true;
      s.problems.push(`${x.name} (${x.value.shape}) was modified at (${i}, ${j}) by ${when}: ${fmt(s.inputSnap[n][k])} → ${fmt(x.value.data[k])}; inputs must stay unchanged`);
      x.value.data.set(s.inputSnap[n]);
    }
  });
  s.params.forEach((p, n) => {
    const k = firstDifference(p.value.data, s.paramSnap[n]);
    if (k >= 0) {
      const [i, j] = at(p.value, k);
      s.mutated = true;
      s.problems.push(`${p.name} value was changed at (${i}, ${j}) by ${when}: ${fmt(s.paramSnap[n][k])} → ${fmt(p.value.data[k])}`);
      p.value.data.set(s.paramSnap[n]);
    }
  });
}

/** Every parameter's gradient buffer has its value's shape. */
function gradShapesMatch(s: Session): boolean {
  for (const p of s.params) {
    if (p.grad.rows !== p.value.rows || p.grad.cols !== p.value.cols) {
      s.problems.push(`${p.name}: grad is ${p.grad.shape} but value is ${p.value.shape}`);
    }
  }
  return s.problems.length === 0;
}

/** The loss at the point, twice: a loss that draws random numbers (dropout) cannot be checked. Null after a problem. */
function lossAtPoint(s: Session): number | null {
  const f0 = evaluate(s);
  checkUnchanged(s, "loss()");
  const f0again = evaluate(s);
  if (!Number.isFinite(f0)) {
    s.problems.push(`loss is ${f0} at the checked point`);
    return null;
  }
  if (f0again !== f0) {
    s.problems.push(`loss() is not deterministic: ${fmt(f0)} then ${fmt(f0again)} at the same point (random numbers inside the loss?)`);
    return null;
  }
  return f0;
}

/** Zeroes the gradients and runs the caller's backward. */
function runBackward(s: Session): void {
  zeroGrads(s.params);
  s.backward();
}

/** Run A: the analytic gradients, copied, as the targets of the numeric pass; non-finite values are named. */
function analyticGradients(s: Session): { gradA: Float64Array[]; inputGradA: (Float64Array | null)[]; targets: Target[] } {
  runBackward(s);
  checkUnchanged(s, "backward()");
  const gradA = s.params.map((p) => p.grad.data.slice());
  const inputGradA = s.inputs.map((x) => readInputGrad(x, s.problems));
  const targets: Target[] = [];
  s.params.forEach((p, n) => targets.push({ name: p.name, value: p.value, analytic: gradA[n], input: false }));
  s.inputs.forEach((x, n) => {
    const g = inputGradA[n];
    if (g) targets.push({ name: x.name, value: x.value, analytic: g, input: true });
  });
  for (const t of targets) {
    let listed = 0;
    for (let k = 0; k < t.analytic.length; k++) {
      if (!Number.isFinite(t.analytic[k])) {
        const [i, j] = at(t.value, k);
        if (listed++ < MAX_LISTED) s.problems.push(`${t.analytic[k]} in the analytic gradient of ${t.name} at (${i}, ${j})`);
      }
    }
    if (listed > MAX_LISTED) s.problems.push(`… ${listed - MAX_LISTED} more non-finite values in the analytic gradient of ${t.name}`);
  }
  return { gradA, inputGradA, targets };
}

/** Run B: the same call at the same point must give the same numbers. */
function checkRepeatable(s: Session, gradA: readonly Float64Array[], inputGradA: readonly (Float64Array | null)[]): void {
  runBackward(s);
  checkUnchanged(s, "a second backward()");
  s.params.forEach((p, n) => {
    const k = firstDifference(p.grad.data, gradA[n]);
    if (k >= 0) {
      const [i, j] = at(p.value, k);
      const a = gradA[n][k], b = p.grad.data[k];
      const ratio = a !== 0 ? ` (${fmt(b / a)}×)` : "";
      s.problems.push(`backward is not repeatable: ${p.name}[${i}, ${j}] was ${fmt(a)} on the first run and ${fmt(b)} on the second${ratio}; does the layer accumulate something between calls?`);
    }
  });
  s.inputs.forEach((x, n) => {
    const first = inputGradA[n];
    if (!first || !x.grad) return;
    const again = x.grad().data;
    const k = firstDifference(again, first);
    if (k >= 0) {
      const [i, j] = at(x.value, k);
      s.problems.push(`backward is not repeatable: gradient of ${x.name} at (${i}, ${j}) was ${fmt(first[k])} on the first run and ${fmt(again[k])} on the second`);
    }
  });
}

/**
 * Run C: backward must ADD into Param.grad (the Layer contract), so a run on
 * gradients pre-filled with known values must raise them by exactly run A's amounts.
 */
function checkAccumulates(s: Session, gradA: readonly Float64Array[]): void {
  for (const p of s.params) for (let k = 0; k < p.grad.data.length; k++) p.grad.data[k] = 1 + (k % 3);
  s.backward();
  s.params.forEach((p, n) => {
    for (let k = 0; k < p.grad.data.length; k++) {
      const base = 1 + (k % 3);
      const added = p.grad.data[k] - base;
      // Summation order may differ from run A (e.g. a product accumulating into grad), so allow rounding.
      const tol = 1e-8 * (base + Math.abs(gradA[n][k]));
      if (Math.abs(added - gradA[n][k]) > tol || Number.isNaN(added)) {
        const [i, j] = at(p.value, k);
        s.problems.push(`backward overwrote ${p.name}.grad instead of adding to it: with ${base} already at (${i}, ${j}) it left ${fmt(p.grad.data[k])}, expected ${fmt(base + gradA[n][k])}`);
        break;
      }
    }
  });
  checkUnchanged(s, "backward() on pre-filled gradients");
}

/**
 * The numeric pass: each sampled element of each target is probed at h, then
 * refined near a slope jump (`refine`); returns the checked elements per target.
 */
async function numericGradients(s: Session, targets: readonly Target[], f0: number): Promise<GradCheckElement[][]> {
  const perTarget: GradCheckElement[][] = [];
  let nonFinite = 0;
  /** f(x ± step) for element k of X (restored exactly, also on error), or null when the loss is not finite there. */
  const probeAt = (t: Target, k: number, step: number): Probe | null => {
    const X = t.value.data;
    const v = X[k];
    let fp: number, fm: number, hp: number, hm: number;
    try {
      X[k] = v + step;
      hp = X[k] - v; // the step actually taken, after rounding
      fp = evaluate(s);
      X[k] = v - step;
      hm = v - X[k];
      fm = evaluate(s);
    } finally {
      X[k] = v;
    }
    if (!Number.isFinite(fp) || !Number.isFinite(fm)) {
      if (step === s.h && nonFinite++ < MAX_LISTED) {
        const [i, j] = at(t.value, k);
        s.problems.push(`loss became ${Number.isFinite(fp) ? fm : fp} when ${t.name}[${i}, ${j}] was moved by ${Number.isFinite(fp) ? "−" : "+"}h`);
      }
      return null;
    }
    return makeProbe(t.analytic[k], f0, fp, fm, hp, hm);
  };
  for (const t of targets) {
    const n = t.value.data.length;
    const order = n <= s.maxPerParam ? null : s.rng.permutation(n).subarray(0, s.maxPerParam);
    const count = order ? order.length : n;
    const list: GradCheckElement[] = [];
    const probes: Probe[] = [];
    const indices: number[] = [];
    for (let i = 0; i < count; i++) {
      const k = order ? order[i] : i;
      const probe = probeAt(t, k, s.h);
      await cooperate();
      if (!probe) continue;
      probes.push(probe);
      indices.push(k);
    }
    const scale = gradientScale(probes);
    for (let i = 0; i < probes.length; i++) {
      const k = indices[i];
      const { probe, verdict, step } = refine(probes[i], s.h, s.kinkTol, scale, (st) => probeAt(t, k, st));
      if (step !== s.h) await cooperate();
      list.push({
        param: t.name, index: at(t.value, indices[i]), analytic: probe.a, numeric: probe.numeric,
        forward: probe.fwd, backward: probe.bwd, step, ...verdict, band: "good",
      });
    }
    perTarget.push(list);
  }
  if (nonFinite > MAX_LISTED) s.problems.push(`… ${nonFinite - MAX_LISTED} more elements where the loss became non-finite`);
  return perTarget;
}

/** Bands every element (piecewise when declared or a kink was confirmed) and summarises per target and overall. */
function summariseCheck(s: Session, targets: readonly Target[], perTarget: readonly GradCheckElement[][]): GradCheckReport {
  const all: GradCheckElement[] = [];
  for (const list of perTarget) for (const e of list) all.push(e);
  let kinks = 0;
  for (const e of all) if (e.nearKink) kinks++;
  const piecewise = s.options.piecewise ?? kinks > 0;
  for (const e of all) e.band = e.withinNoise ? "good" : gradientBand(e.error, e.nearKink || piecewise);
  if (all.length > 0 && kinks === all.length) {
    s.problems.push(`every checked element (${kinks}) is near a kink, so the numeric gradient says nothing; check at another point`);
  }

  const perParam: GradCheckParamReport[] = targets.map((t, n) => {
    const list = perTarget[n];
    const sum = summarise(list);
    return {
      name: t.name, shape: t.value.shape, count: list.length, total: t.value.data.length,
      maxError: sum.maxError, maxNoiseError: sum.maxNoiseError, meanError: sum.meanError, band: sum.band, kinks: list.filter((e) => e.nearKink).length, input: t.input,
    };
  });
  const sum = summarise(all);
  const band: GradBand = s.problems.length ? "wrong" : sum.band;
  return report(s, {
    ok: s.problems.length === 0 && bandRank[sum.band] <= bandRank.acceptable,
    band, maxError: sum.maxError, maxNoiseError: sum.maxNoiseError, meanError: sum.meanError, worst: sum.worst, perParam, withinNoise: sum.withinNoise,
    maxAbsDiff: all.reduce((m, e) => (Math.abs(e.analytic - e.numeric) > m || Number.isNaN(e.analytic - e.numeric) ? Math.abs(e.analytic - e.numeric) : m), 0), kinks,
    checked: all.length, piecewise,
    elements: s.options.keepElements ? all : undefined,
  });
}

function readInputGrad(x: GradCheckInput, problems: string[]): Float64Array | null {
  if (!x.grad) return null;
  const g = x.grad();
  if (!(g instanceof Matrix)) {
    problems.push(`gradient of ${x.name} is not a Matrix`);
    return null;
  }
  if (g.rows !== x.value.rows || g.cols !== x.value.cols) {
    problems.push(`gradient of ${x.name} is ${g.shape} but ${x.name} is ${x.value.shape}`);
    return null;
  }
  return g.data.slice();
}

/** Index of the first element where a and b differ (NaN equals NaN), or −1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k] && !(Number.isNaN(a[k]) && Number.isNaN(b[k]))) return k;
  }
  return -1;
}

function summarise(list: readonly GradCheckElement[]): { maxError: number; maxNoiseError: number; meanError: number; band: GradBand; worst: GradCheckElement | null; withinNoise: number } {
  // Elements within rounding noise are good by definition; their relative error
  // (large when the gradient is ~0) would only hide the informative ones, so it
  // is kept apart, for reports where nothing else is left to show.
  let maxError = 0, maxNoiseError = 0, sum = 0, counted = 0, withinNoise = 0, band: GradBand = "good";
  let worst: GradCheckElement | null = null;
  for (const e of list) {
    if (bandRank[e.band] > bandRank[band]) band = e.band;
    if (e.withinNoise) {
      withinNoise++;
      maxNoiseError = Math.max(maxNoiseError, e.centralError);
      continue;
    }
    sum += e.error;
    counted++;
    if (worst === null || e.error > maxError || Number.isNaN(e.error)) {
      maxError = e.error;
      worst = e;
    }
  }
  return { maxError, maxNoiseError, meanError: counted ? sum / counted : 0, band, worst, withinNoise };
}

/**
 * Whether a layer or model is piecewise (has kinks or a jumping f″), judged
 * from what it is made of: true if any part is (an Activation whose function
 * is not `smooth`, PReLU, Maxout), false if every part is known smooth (Dense,
 * Softmax, smooth activations), undefined when unknown layers leave it open
 * (the check then decides from the kinks it finds).
 */
export function inferPiecewise(model: unknown): boolean | undefined {
  const m = model as { layers?: unknown; kind?: unknown; fn?: { smooth?: unknown } } | null;
  if (!m || typeof m !== "object") return undefined;
  if (Array.isArray(m.layers)) {
    let known = true;
    for (const layer of m.layers) {
      const r = inferPiecewise(layer);
      if (r === true) return true;
      if (r === undefined) known = false;
    }
    return known ? false : undefined;
  }
  if (m.kind === "Dense" || m.kind === "Softmax") return false;
  if (m.kind === "PReLU" || m.kind === "Maxout") return true;
  if (m.kind === "Activation" && m.fn && typeof m.fn.smooth === "boolean") return !m.fn.smooth;
  return undefined;
}

/** Options of `checkLayer` and `checkModel`. */
export type CheckOptions = Omit<GradCheckOptions, "params" | "loss" | "backward" | "inputs">;

/**
 * Checks a layer's backward pass: its parameter gradients AND dX, the gradient
 * with respect to its input. A random upstream gradient dOut (drawn from `rng`)
 * turns the output into a scalar, L = Σ out ⊙ dOut, whose gradient with respect
 * to the output is exactly dOut; so backward(dOut) must return ∂L/∂x and add ∂L/∂θ.
 * @param x a batch to run the layer on (not modified; the check fails if the layer modifies it).
 * @param rng draws dOut and samples elements (the one random source: `options` takes no `rng` or `seed`).
 */
export async function checkLayer(layer: Layer, x: Matrix, rng: Rng, options: Omit<CheckOptions, "rng" | "seed"> = {}): Promise<GradCheckReport> {
  if (!rng || typeof (rng as Partial<Rng>).normal !== "function") {
    throw new Error(`checkLayer: rng comes third, as in checkLayer(layer, x, createRng(1)), got ${rng === null || typeof rng !== "object" ? String(rng) : "an object"}`);
  }
  const stray = Object.keys(options).find((k) => k === "rng" || k === "seed");
  if (stray) throw new Error(`checkLayer: ${stray} is not an option here; the rng argument is the one random source`);
  // A first forward pass only to learn the output shape (restoring x in case the layer modifies it:
  // checkGradients then catches that on its own first call).
  const x0 = x.data.slice();
  const out0 = layer.forward(x);
  x.data.set(x0);
  const dOut = new Matrix(out0.rows, out0.cols);
  for (let k = 0; k < dOut.data.length; k++) dOut.data[k] = rng.normal();
  let dX: Matrix | null = null;
  return checkGradients({
    ...options,
    rng,
    piecewise: options.piecewise ?? inferPiecewise(layer),
    params: layer.parameters(),
    loss: () => {
      const out = layer.forward(x);
      if (out.rows !== dOut.rows || out.cols !== dOut.cols) {
        throw new Error(`checkLayer: output shape changed from ${dOut.shape} to ${out.shape}`);
      }
      let s = 0;
      for (let k = 0; k < out.data.length; k++) s += out.data[k] * dOut.data[k];
      return s;
    },
    backward: () => {
      layer.forward(x);
      dX = layer.backward(dOut);
    },
    inputs: [{ name: "x", value: x, grad: () => dX as Matrix }],
  });
}

/** What `checkModel` needs from a model (a `Sequential` or any `Layer`). */
export interface Differentiable {
  forward(x: Matrix): Matrix;
  backward(dOut: Matrix): Matrix;
  parameters(): Param[];
}

/**
 * Checks a whole model with a loss: L = loss(model.forward(x), y), gradients
 * from model.backward(loss gradient). The input x and the targets y are checked
 * for modification; the gradient with respect to x is not (models do not need it).
 * @param lossFn a loss name (`"softmaxCrossEntropy"`, `"mse"`, `"bce"`) or function.
 */
export async function checkModel(
  model: Differentiable,
  x: Matrix,
  y: Matrix | Int32Array | number[],
  lossFn: string | LossFunction,
  options: CheckOptions = {},
): Promise<GradCheckReport> {
  const fn = lookupLoss(lossFn);
  const inputs: Matrix[] = [x];
  if (y instanceof Matrix) inputs.push(y);
  const ySnap = y instanceof Matrix ? null : Array.from(y);
  const report = await checkGradients({
    ...options,
    piecewise: options.piecewise ?? inferPiecewise(model),
    params: model.parameters(),
    loss: () => fn(model.forward(x), y).loss,
    backward: () => {
      const { grad } = fn(model.forward(x), y);
      model.backward(grad);
    },
    inputs,
  });
  if (ySnap && ySnap.some((v, i) => v !== (y as ArrayLike<number>)[i])) {
    report.problems.push("the labels y were modified");
    report.ok = false;
    report.band = "wrong";
  }
  return report;
}

/** One point of `checkScalarFunction`. */
export interface ScalarCheckPoint {
  z: number;
  analytic: number;
  numeric: number;
  error: number;
  nearKink: boolean;
  band: GradBand;
}

/** The result of `checkScalarFunction`. */
export interface ScalarCheckReport {
  ok: boolean;
  band: GradBand;
  maxError: number;
  /** Largest relative error of the points within rounding noise (as in `GradCheckReport`). */
  maxNoiseError: number;
  worst: ScalarCheckPoint | null;
  points: ScalarCheckPoint[];
  kinks: number;
  problems: string[];
}

/**
 * Checks a derivative df of a scalar function f at the given points (how the
 * course grades an activation's derivative), with the same bands and kink rule
 * as `checkGradients`.
 * @param options.h step (default 1e-5); `piecewise` as in `checkGradients`.
 */
export function checkScalarFunction(
  f: (z: number) => number,
  df: (z: number) => number,
  points: readonly number[],
  options: { h?: number; piecewise?: boolean; kinkTolerance?: number } = {},
): ScalarCheckReport {
  const h = options.h ?? 1e-5;
  checkStep("checkScalarFunction", h);
  const kinkTol = options.kinkTolerance ?? 1e-4;
  const problems: string[] = [];
  const out: ScalarCheckPoint[] = [];
  const probes: Probe[] = [];
  const probeAt = (z: number, step: number): Probe | null => {
    const f0 = f(z), fp = f(z + step), fm = f(z - step);
    if (![f0, fp, fm].every(Number.isFinite)) return null;
    return makeProbe(df(z), f0, fp, fm, (z + step) - z, z - (z - step));
  };
  const zs: number[] = [];
  for (const z of points) {
    const probe = probeAt(z, h);
    if (!probe) {
      problems.push(`f is not finite near z = ${fmt(z)}: f(z−h) = ${fmt(f(z - h))}, f(z) = ${fmt(f(z))}, f(z+h) = ${fmt(f(z + h))}`);
      continue;
    }
    if (!Number.isFinite(probe.a)) {
      problems.push(`df(${fmt(z)}) is ${probe.a}`);
      continue;
    }
    probes.push(probe);
    zs.push(z);
  }
  const scale = gradientScale(probes);
  let kinks = 0;
  const verdicts: Verdict[] = [];
  for (let n = 0; n < probes.length; n++) {
    const { probe, verdict } = refine(probes[n], h, kinkTol, scale, (st) => probeAt(zs[n], st));
    if (verdict.nearKink) kinks++;
    verdicts.push(verdict);
    out.push({ z: zs[n], analytic: probe.a, numeric: probe.numeric, error: verdict.error, nearKink: verdict.nearKink, band: "good" });
  }
  const piecewise = options.piecewise ?? kinks > 0;
  let maxError = 0, maxNoiseError = 0, band: GradBand = "good";
  let worst: ScalarCheckPoint | null = null;
  out.forEach((p, n) => {
    p.band = verdicts[n].withinNoise ? "good" : gradientBand(p.error, p.nearKink || piecewise);
    if (bandRank[p.band] > bandRank[band]) band = p.band;
    if (verdicts[n].withinNoise) {
      maxNoiseError = Math.max(maxNoiseError, verdicts[n].centralError);
      return;
    }
    if (worst === null || p.error > maxError) { maxError = p.error; worst = p; }
  });
  if (out.length > 0 && kinks === out.length) problems.push(`every point (${kinks}) is near a kink; check at other points`);
  return {
    ok: problems.length === 0 && bandRank[band] <= bandRank.acceptable,
    band: problems.length ? "wrong" : band, maxError, maxNoiseError, worst, points: out, kinks, problems,
  };
}

/**
 * A short human-readable summary of a report: verdict, errors, one line per
 * parameter, the worst element and the problems.
 */
export function formatReport(report: GradCheckReport | ScalarCheckReport): string {
  const lines: string[] = [];
  if ("points" in report) {
    lines.push(`derivative check: ${report.ok ? "ok" : "FAILED"} (${report.band}), max rel. error ${errorSummary(report.maxError, report.maxNoiseError)} over ${report.points.length} points, ${report.kinks} near kinks`);
    const w = report.worst;
    if (w && w.error > 0) lines.push(`worst: z = ${fmt(w.z)}: analytic ${fmt(w.analytic)}, numeric ${fmt(w.numeric)}, error ${fmt(w.error)}${w.nearKink ? " (near a kink)" : ""}`);
  } else {
    lines.push(
      `gradient check: ${report.ok ? "ok" : "FAILED"} (${report.band}), max rel. error ${errorSummary(report.maxError, report.maxNoiseError)}${report.maxError === 0 ? "" : `, mean ${fmt(report.meanError)}`}, ` +
        `${report.checked} elements (${report.withinNoise} agree within rounding noise; largest |analytic − numeric| ${fmt(report.maxAbsDiff)}), ${report.kinks} near kinks` +
        `${report.piecewise ? " (piecewise: ≤ 1e-4 accepted)" : ""}`,
    );
    const width = Math.max(0, ...report.perParam.map((p) => p.name.length));
    for (const p of report.perParam) {
      const sampled = p.count < p.total ? `${p.count}/${p.total}` : `${p.count}`;
      lines.push(`  ${p.name.padEnd(width)}  ${p.shape.padEnd(7)} ${sampled.padStart(9)} checked  max ${errorSummary(p.maxError, p.maxNoiseError).padEnd(9)} ${p.band}${p.kinks ? `, ${p.kinks} near kinks` : ""}`);
    }
    const w = report.worst;
    if (w && w.error > 0) {
      const where = w.nearKink ? ` (near a kink${w.step !== report.h ? `, step ${w.step}` : ""})` : "";
      lines.push(`worst: ${w.param}[${w.index[0]}, ${w.index[1]}]: analytic ${fmt(w.analytic)}, numeric ${fmt(w.numeric)}, error ${fmt(w.error)}${where}`);
    }
    lines.push(`(h = ${report.h}, seed ${report.seed}${Number.isFinite(report.maxPerParam) ? `, ≤ ${report.maxPerParam} per parameter` : ""})`);
  }
  if (report.problems.length) {
    lines.push("problems:");
    for (const p of report.problems) lines.push(`  - ${p}`);
  }
  return lines.join("\n");
}

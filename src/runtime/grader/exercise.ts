/**
 * The authoring format of a self-graded exercise.
 *
 * An exercise folder (`content/<chapter>/exercises/<id>/`) holds `exercise.ts`
 * (`export default defineExercise({...})`), the reader's `starter.ts`, the
 * reference `solution.ts` and `wrong/*.ts`, typical wrong answers the grader
 * must reject. The check spec below holds only DATA and REFERENCE functions
 * (from the nn library); how a check grades lives in the grader, so every
 * exercise of a kind is graded the same way.
 */
import type { ClassificationData } from "../../nn/datasets.ts";
import type { Matrix } from "../../nn/matrix.ts";
import type { Optimizer } from "../../nn/optimizer.ts";
import { createRng, type Rng } from "../../nn/rng.ts";

/** A closed interval [lo, hi] to draw from (integers where a count or size is meant). */
export type Range = readonly [number, number];

/** Batch sizes to check at: a fixed size, or a range to draw one from (the default is `[1, [2, 6]]`). */
export type BatchSizes = readonly (number | Range)[];

/** A set of scalar points, drawn uniformly from `range` (and its mirror image when `symmetric`). */
export interface PointSet {
  /** Shown as the part's name, e.g. `"large inputs"`. */
  label: string;
  /**
   * Where to draw from. Several ranges share the count (round robin): far-out
   * points where the true value is 0 go with points where it is still
   * resolvable, so that a placeholder 0 cannot pass the part.
   */
  range: Range | readonly Range[];
  count: number;
  /** Also draw from [−hi, −lo] (half the points each side). */
  symmetric?: boolean;
}

/**
 * (a) A scalar derivative: the learner's `fn(x)` against central differences
 * of the reference `f` at random points (points near `kinks` are re-drawn).
 */
export interface DerivativeCheck {
  kind: "derivative";
  /** The learner's function, e.g. `"tanhPrime"` (must be one of `entry`). */
  fn: string;
  /** The reference function whose derivative is asked for. */
  f: (x: number) => number;
  /** The variable's name in messages (default `"x"`). */
  variable?: string;
  /** How f is written in messages, e.g. `"x² + 3x"`. */
  formula?: string;
  /** Where to check; one part per set. */
  points: readonly PointSet[];
  /** Points where f′ jumps; test points keep at least 1e-3 away. */
  kinks?: readonly number[];
}

/**
 * (a) A backward function `fn(x, dOut) → dX` of an element-wise or row-wise
 * map: checked against central differences of L = Σ forward(x) ⊙ dOut, whose
 * gradient with respect to x is exactly what backward must return.
 */
export interface BackwardCheck {
  kind: "backward";
  fn: string;
  /** The reference forward map, x → out (same number of rows). */
  forward: (x: Matrix) => Matrix;
  /** Range of the entries of x (and, when `kinks` is given, kept at least 1e-3 away from them). */
  x: Range;
  /** Range of the number of columns of x. */
  cols: Range;
  /** Batch sizes (rows of x); default `[1, [2, 6]]`. */
  batches?: BatchSizes;
  /** Values of an entry of x where the forward map has a kink (e.g. `relu.kinks`). */
  kinks?: readonly number[];
}

/** The named matrices of one random instance of a model check. */
export type NamedMatrices = Record<string, Matrix>;

/**
 * (b) A whole model's gradients: the learner's `fn(...args)` returns an object
 * of gradients, checked against central differences of the reference loss
 * with respect to every parameter.
 */
export interface ModelCheck {
  kind: "model";
  fn: string;
  /** Names of the values passed to `fn`, in order (all drawn by `setup`). */
  args: readonly string[];
  /** Draws one random instance for a batch size: inputs, targets and parameters by name (shapes may be random too). */
  setup: (rng: Rng, batchSize: number) => NamedMatrices;
  /** The parameters, each with the key under which `fn` returns its gradient, e.g. `{ W1: "dW1" }`. */
  grads: Readonly<Record<string, string>>;
  /** The reference loss at the given values (uses only the nn library). */
  loss: (values: NamedMatrices) => number;
  /** Batch sizes; default `[1, [2, 6]]`. */
  batches?: BatchSizes;
  /**
   * Set when `setup` draws values that test numerical stability: what makes
   * them hard. NaN or Infinity from the learner is then reported as "not
   * numerically stable" with this reason.
   */
  stability?: string;
}

/**
 * A scalar function of a matrix handed to the learner's function (e.g. the f
 * of a numerical gradient); its `name` is how messages show it.
 */
export type MatrixFunction = (x: Matrix) => number;

/** An argument of a value function: a Matrix, a number, an array of numbers or a function of a matrix. */
export type ValueInput = Matrix | number | readonly number[] | MatrixFunction;

/** One family of inputs for a value check, e.g. logits around ±1000. */
export interface ValueCase {
  label: string;
  /** Draws the input (its shape too): a Matrix for a one-argument function, or the list of arguments. */
  make: (rng: Rng) => Matrix | readonly ValueInput[];
  /**
   * Set for a case about numerical stability: what makes it hard, e.g.
   * "e^1000 overflows to Infinity". Any failure here is reported as "not
   * numerically stable" with this reason, since an algebraically equal but
   * naive formula is exactly what fails it.
   */
  stability?: string;
}

/**
 * (c) A value function `fn(...inputs) → Matrix | number` (a forward pass,
 * softmax…) against the reference at random and hard inputs.
 */
export interface ValueCheck {
  kind: "value";
  fn: string;
  /** Argument names for messages (default `["x"]`, or `x1, x2…`). */
  args?: readonly string[];
  /** The reference (from nn), called with copies of the same inputs. A string result is a label (see `labels`). */
  reference(...inputs: ValueInput[]): Matrix | number | string;
  /** For a function that answers with a label: the labels it may return (the plot shows their positions in this list). */
  labels?: readonly string[];
  /** One part per case. */
  cases: readonly ValueCase[];
}

/** The small problem an update rule must make progress on. */
export interface UpdateProblem {
  /** Shown in messages, e.g. `"the quadratic ½(w₀² + 50·w₁²)"`. */
  label: string;
  loss: (w: Matrix) => number;
  gradient: (w: Matrix) => Matrix;
  start: Matrix;
  hyper: Readonly<Record<string, number>>;
  steps: number;
  /** The final loss must be below this fraction of the initial loss (default 0.01). */
  reduceTo?: number;
}

/**
 * (d) An update rule `fn(...args) → { w, ...state }` (e.g. one momentum step),
 * against the reference optimiser for k steps on random gradients, then on a
 * small problem where it must reduce the loss. Only the weights are compared:
 * equivalent ways of storing the state (v ← μv + g or v ← μv − lr·g) both pass.
 */
export interface UpdateCheck {
  kind: "update";
  fn: string;
  /** Argument names in order: `"w"`, `"grad"`, the state names and the hyper-parameter names. */
  args: readonly string[];
  /** State the learner threads from one call to the next, each starting as zeros of w's shape. */
  state: readonly string[];
  /** Draws the hyper-parameters of one check. */
  hyper: (rng: Rng) => Record<string, number>;
  /** A fresh reference optimiser (from nn) with those hyper-parameters. */
  reference: (hyper: Readonly<Record<string, number>>) => Optimizer;
  /** Number of steps compared with the reference. */
  steps: Range;
  /** Shape of w: rows and columns. */
  rows: Range;
  cols: Range;
  problem: UpdateProblem;
  /**
   * Constant factors of the step that a known mistake produces, each with the
   * explanation a learner reads, e.g. the EMA form of momentum takes steps
   * (1 − μ) times the right ones: `{ factor: (h) => 1 - h.mu, text: "…" }`.
   */
  factors?: readonly { factor: (hyper: Readonly<Record<string, number>>) => number; text: string }[];
}

/**
 * (e) A whole model, built and trained by the learner: `build(rng)` returns an
 * untrained model (forward, backward, parameters; e.g. from `mlp`), and
 * `fit(model, data, rng)` trains it (it may be async: this is the one kind
 * whose entry is awaited). Graded in order: the model maps the data's inputs to
 * `classes` logits; the library's `checkModel` passes on the untrained model
 * (softmax cross-entropy on a few probe rows), else grading stops before any
 * training; after training, the accuracy on held-out points drawn from a
 * separate fork of the seed is at least `minAccuracy`.
 */
export interface TrainCheck {
  kind: "train";
  /** The learner's model builder, e.g. `"buildModel"` (must be one of `entry`). */
  build: string;
  /** The learner's training function, e.g. `"trainModel"` (must be one of `entry`). */
  fit: string;
  /** Draws the training set handed to `fit` (a Promise when the data come from a file, like the digits). */
  data: (rng: Rng) => ClassificationData | Promise<ClassificationData>;
  /** Draws the held-out points (from their own fork of the seed); never shown to `fit`. */
  heldOut: (rng: Rng) => ClassificationData | Promise<ClassificationData>;
  /** Number of classes: the model's output width. */
  classes: number;
  /** Accuracy on the held-out points needed to pass, e.g. 0.95. */
  minAccuracy: number;
  /** Training rows used for the gradient check before training (default 6). */
  probeRows?: number;
  /** Check at most this many elements per parameter, drawn at random (default: all; set it for wide inputs such as 784 pixels). */
  maxPerParam?: number;
}

/** One family of (n, batchSize) for a batches check, e.g. "B does not divide n". */
export interface BatchesCase {
  label: string;
  /** Number of examples. */
  n: Range;
  /** Batch size, drawn among the values in range that meet `divides`. */
  batchSize: Range;
  /** true: B divides n; false: it does not; absent: either. */
  divides?: boolean;
}

/**
 * (f) A shuffling mini-batch iterator `fn(n, batchSize, rng, epochs)` that
 * returns the batches of example indices, epoch after epoch (like the
 * library's `miniBatches`): each epoch covers 0…n−1 once, in batches of
 * batchSize with the smaller rest last, shuffled afresh each epoch, and the
 * same seed gives the same batches.
 */
export interface BatchesCheck {
  kind: "batches";
  fn: string;
  /** One part per case. */
  cases: readonly BatchesCase[];
  /** Number of epochs per call (default [2, 3]). */
  epochs?: Range;
}

/**
 * (g) A weight initialiser `fn(fanIn, fanOut, rng) → W`: one large
 * non-square matrix must have mean 0 and the variance asked for, and a deep
 * ReLU stack of random widths built from it must keep its signal's mean
 * square within a factor of 8; the same seed must give the same matrix.
 */
export interface InitCheck {
  kind: "init";
  fn: string;
  /** The variance the entries must have, e.g. He's `(fanIn) => 2 / fanIn`. */
  variance: (fanIn: number, fanOut: number) => number;
  /** How the variance reads in messages, e.g. `"2/fanIn"`. */
  formula: string;
  /** Ranges for the single matrix (draw fanIn well above fanOut so that swapping them shows). */
  fanIn: Range;
  fanOut: Range;
  /** Number of layers of the stack, and the range of their widths. */
  depth: number;
  widths: Range;
}

/** Any check. */
export type CheckSpec = DerivativeCheck | BackwardCheck | ModelCheck | ValueCheck | UpdateCheck | TrainCheck | BatchesCheck | InitCheck;

/** The entry names a check calls: `fn`, or `build` and `fit` for a train check. */
export function checkEntries(check: CheckSpec): string[] {
  return check.kind === "train" ? [check.build, check.fit] : [check.fn];
}

/**
 * Every string of a check spec that a report can show (case labels, stability
 * notes, formulas, known-mistake explanations): the grader passes each through
 * the edition's `text` map, and `test/content/exercise-text.test.ts` requires
 * a translation of each. (Title and hints are translated as such.)
 */
export function translatableStrings(check: CheckSpec, { formulas = false } = {}): string[] {
  const out: string[] = [];
  // A formula ("x² + 3x", "2/fanIn") or a function's name needs a translation only when it has words in it
  // (`formulas: true` lists the others too: a translation may still give them).
  const words = (s: string): boolean => formulas || /\b[a-z]{2,}\s+[a-z']{2,}/i.test(s);
  switch (check.kind) {
    case "derivative":
      if (check.formula && words(check.formula)) out.push(check.formula);
      for (const p of check.points) out.push(p.label);
      break;
    case "model":
      if (check.stability) out.push(check.stability);
      break;
    case "value":
      for (const c of check.cases) {
        out.push(c.label, ...(c.stability ? [c.stability] : []));
        // A function handed to the learner is shown by its name: a name in words is text to translate (a formula is not).
        const made = c.make(createRng(0));
        for (const v of made instanceof Array ? made : []) {
          if (typeof v === "function" && words(v.name)) out.push(v.name);
        }
      }
      break;
    case "update":
      out.push(check.problem.label, ...(check.factors ?? []).map((f) => f.text));
      break;
    case "batches":
      for (const c of check.cases) out.push(c.label);
      break;
    case "init":
      if (words(check.formula)) out.push(check.formula);
      break;
    case "backward":
    case "train":
      break;
  }
  return [...new Set(out)];
}

/** An exercise, as `exercise.ts` default-exports it. */
export interface ExerciseDef {
  /** The folder name, e.g. `"tanh-derivative"`. */
  id: string;
  title: string;
  /** Names the learner must define (functions), e.g. `["tanhPrime"]`. */
  entry: readonly string[];
  check: CheckSpec;
  /** Three hints, vague to specific. */
  hints: readonly [string, string, string];
  /** Budget for the learner's code during grading, in ms (default 10 000). */
  timeLimitMs?: number;
  /**
   * The grader's own copy of a wrapper the starter gives around the learner's
   * functions (e.g. `partialsAt`, which applies the learner's dfdx and dfdy to
   * a column of points). The check calls this copy with the learner's
   * functions, so editing the page's wrapper cannot stand in for them.
   */
  wrapper?: { fn: string; build: (learner: LearnerFunctions) => (...args: never[]) => unknown };
}

/** The learner's entry functions, by name, as a wrapper receives them. */
export type LearnerFunctions = Readonly<Record<string, (...args: never[]) => unknown>>;

/** Default grading budget: generous for a few hundred calls of a slow but honest answer. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Declares an exercise. Checks the definition (so a typo fails when the
 * exercise is loaded, in tests and at build time) and freezes it.
 * @throws `exercise tanh-derivative: check.fn "tanhPrim" is not in entry (tanhPrime)`, and similar.
 */
export function defineExercise(def: ExerciseDef): ExerciseDef {
  const where = `exercise ${String(def?.id)}`;
  if (typeof def.id !== "string" || !SLUG.test(def.id)) throw new Error(`${where}: id must be a lowercase slug like "tanh-derivative"`);
  if (typeof def.title !== "string" || !def.title.trim()) throw new Error(`${where}: title is missing`);
  if (!Array.isArray(def.entry) || def.entry.length === 0) throw new Error(`${where}: entry must list the names the learner defines`);
  for (const name of def.entry) if (typeof name !== "string" || !IDENT.test(name)) throw new Error(`${where}: entry name ${String(name)} is not an identifier`);
  if (def.check?.kind === "train") {
    for (const key of ["build", "fit"] as const) {
      if (!def.entry.includes(def.check[key])) throw new Error(`${where}: check.${key} "${def.check[key]}" is not in entry (${def.entry.join(", ")})`);
    }
    const { minAccuracy, classes, probeRows } = def.check;
    if (!(minAccuracy > 0 && minAccuracy <= 1)) throw new Error(`${where}: check.minAccuracy must be in (0, 1]`);
    if (!Number.isInteger(classes) || classes < 2) throw new Error(`${where}: check.classes must be an integer >= 2`);
    if (probeRows !== undefined && !(Number.isInteger(probeRows) && probeRows >= 1)) throw new Error(`${where}: check.probeRows must be a positive integer`);
    const { maxPerParam } = def.check;
    if (maxPerParam !== undefined && !(Number.isInteger(maxPerParam) && maxPerParam >= 1)) throw new Error(`${where}: check.maxPerParam must be a positive integer`);
  } else if (!def.entry.includes(def.check?.fn) && def.wrapper?.fn !== def.check?.fn) {
    throw new Error(`${where}: check.fn "${def.check?.fn}" is not in entry (${def.entry.join(", ")})`);
  }
  if (def.wrapper && (!IDENT.test(def.wrapper.fn) || typeof def.wrapper.build !== "function")) throw new Error(`${where}: wrapper needs an fn name and a build function`);
  if (!Array.isArray(def.hints) || def.hints.length !== 3 || def.hints.some((h) => typeof h !== "string" || !h.trim())) {
    throw new Error(`${where}: hints must be three non-empty strings, vague to specific`);
  }
  if (def.timeLimitMs !== undefined && !(def.timeLimitMs > 0)) throw new Error(`${where}: timeLimitMs must be > 0`);
  if (def.check?.kind === "batches" && (!Array.isArray(def.check.cases) || def.check.cases.length === 0)) throw new Error(`${where}: check.cases must list at least one case`);
  const kinds = ["derivative", "backward", "model", "value", "update", "train", "batches", "init"];
  if (!kinds.includes(def.check.kind)) throw new Error(`${where}: unknown check kind ${String(def.check.kind)} (known: ${kinds.join(", ")})`);
  return Object.freeze({ ...def, entry: Object.freeze([...def.entry]), hints: Object.freeze([...def.hints]) as unknown as ExerciseDef["hints"] });
}

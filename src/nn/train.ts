/**
 * The training loop: forward, loss, backward, update — repeated, with the
 * bookkeeping a reader wants to see (a loss curve, accuracy, learning rate,
 * time) and the guard rails a beginner needs (a clear error when the loss
 * blows up, rather than a silently NaN model).
 *
 * It is `async` because it yields: every step awaits `cooperate()`, so the
 * notebook can interrupt a long run (the error thrown by the host's hook
 * propagates unchanged, and the partly trained model keeps its weights).
 */
import { cooperate } from "./cooperate.ts";
import { Matrix } from "./matrix.ts";
import { zeroGrads, type Param } from "./param.ts";
import type { Rng } from "./rng.ts";
import type { Optimizer } from "./optimizer.ts";
import { checkLearningRate } from "./guards.ts";
import { optimizer as makeOptimizer } from "./optimizers.ts";
import type { Schedule } from "./schedules.ts";
import { batchesPerEpoch, targetRows, type Targets } from "./batches.ts";
import { oneHot } from "./datasets.ts";
import { accuracy } from "./metrics.ts";
import { binaryCrossEntropyWithLogits, loss as lossByName, lossNames, mse, softmaxCrossEntropy, type LossBuffers, type LossResult } from "./losses.ts";
import { Scratch } from "./scratch.ts";

/** What `train` needs from a model: the CS231n layer contract at model scale (a `Sequential` fits). */
export interface Trainable {
  /** Forward pass on a batch; caches what backward needs. */
  forward(x: Matrix): Matrix;
  /** Backward pass from dLoss/dOutput; accumulates parameter gradients. */
  backward(dOut: Matrix): Matrix;
  /** The trainable parameters (asked once per `train` call). */
  parameters(): Param[];
  /** Zeroes the gradients (optional: `zeroGrads(parameters())` is used otherwise). */
  zeroGrad?(): void;
  /** Forward pass for evaluation (optional: `forward` is used otherwise). */
  predict?(x: Matrix): Matrix;
  /** Optional `forward` into buffers the model owns (a `Sequential` has it; see scratch.ts). Used instead of `forward` when present. */
  forwardReusing?(x: Matrix): Matrix;
  /** Optional `backward` into buffers the model owns; `needInputGrad` false lets it skip dLoss/dInput. Used instead of `backward` when present. */
  backwardReusing?(dOut: Matrix, needInputGrad: boolean): Matrix | null;
}

/**
 * A loss `train` can use: prediction and targets in, mean loss over the batch and
 * dLoss/dPrediction out. The targets are whatever `y` holds for the batch (rows
 * gathered), so a custom loss may type them as it needs.
 */
export type TrainLossFn = (prediction: Matrix, target: any) => LossResult;

/** Loss names `train` understands (those of `loss(name)` in losses.ts; `"bce"` is short for `"binaryCrossEntropyWithLogits"`). */
export type LossName = "softmaxCrossEntropy" | "crossEntropy" | "mse" | "bce" | "binaryCrossEntropyWithLogits";

/** Where training stands, passed to `onStep` and `onEpoch`. */
export interface Progress {
  /** Updates done so far (1 after the first). */
  step: number;
  /** Epoch the step belongs to, from 1 (one epoch = one pass over the data). */
  epoch: number;
  /** Loss of the last batch (in `onEpoch`: mean over the epoch's batches, weighted by batch size). */
  loss: number;
  /** Accuracy of the last batch, for classification (in `onEpoch`: over the whole epoch); otherwise undefined. */
  accuracy: number | undefined;
  /** Learning rate used for the last update. */
  lr: number;
  /** Milliseconds since training started. */
  elapsedMs: number;
  /** Number of updates this run will make. */
  totalSteps: number;
  /** step / totalSteps, in [0, 1]. */
  fraction: number;
  /** Loss on the evaluation data (validation, or all training data), when evaluated at this step. */
  evalLoss?: number;
  /** Accuracy on the evaluation data, when evaluated at this step and the task is classification. */
  evalAccuracy?: number;
}

/** One row of the training history (one per update). */
export interface HistoryEntry {
  /** Update number, from 1. */
  step: number;
  /** Epoch, from 1. */
  epoch: number;
  /** Batch loss, from this step's forward pass (before its update). */
  loss: number;
  /** Batch accuracy from the same forward pass (classification only). */
  accuracy?: number;
  /** Learning rate used. */
  lr: number;
  /** Milliseconds since training started. */
  elapsedMs: number;
  /** Evaluation loss, on steps where the model was evaluated (see `evalEvery`). */
  evalLoss?: number;
  /** Evaluation accuracy, on those steps, for classification. */
  evalAccuracy?: number;
}

/** A callback's return value: `false` stops training after this step (the result says so). */
export type CallbackResult = void | boolean | Promise<void | boolean>;

/** Options for {@link train}. */
export interface TrainOptions {
  /** Inputs, one example per row. */
  x: Matrix;
  /**
   * Targets: class labels (`Int32Array` or `number[]`) or a matrix (one-hot, 0/1 column, regression targets).
   * Labels are converted for the loss: one-hot for `mse` with several outputs, a 0/1 column for `bce` or single-output `mse`.
   */
  y: Targets;
  /** Loss name or function (`(prediction, target) => { loss, grad }`). */
  loss: LossName | TrainLossFn;
  /** The optimiser, or its name (then `lr` sets its learning rate). */
  optimizer: Optimizer | string;
  /** Learning rate when `optimizer` is a name. */
  lr?: number;
  /** Number of passes over the data. Give `epochs` or `steps`, not both. */
  epochs?: number;
  /** Number of updates. Give `epochs` or `steps`, not both. */
  steps?: number;
  /** Rows per update (default: all rows, i.e. full-batch gradient descent). */
  batchSize?: number;
  /** Shuffles mini-batches; required when batchSize is smaller than the data. */
  rng?: Rng;
  /** Learning rate per step (0-based, counted from the start of this call); sets `optimizer.lr` before each update. */
  schedule?: Schedule;
  /** Called after every update; return `false` to stop. May be async. */
  onStep?: (progress: Progress) => CallbackResult;
  /** Called after every complete epoch; return `false` to stop. May be async. */
  onEpoch?: (progress: Progress) => CallbackResult;
  /**
   * Evaluate on `validation` (or on all training data) every this many steps, and after the last step.
   * Default: once per epoch when `validation` is given, otherwise never.
   */
  evalEvery?: number;
  /** Held-out data for evaluation (see `evalEvery`). */
  validation?: { x: Matrix; y: Targets };
}

/** What {@link train} returns. */
export interface TrainResult {
  /** One entry per update. */
  history: HistoryEntry[];
  /** Updates made. */
  steps: number;
  /** Epochs started (a partial last epoch counts). */
  epochs: number;
  /** Loss of the last batch. */
  loss: number;
  /** Accuracy of the last batch (classification only). */
  accuracy?: number;
  /** Last evaluation loss, if `evalEvery` was set. */
  evalLoss?: number;
  /** Last evaluation accuracy, if `evalEvery` was set and the task is classification. */
  evalAccuracy?: number;
  /** Total time in milliseconds. */
  elapsedMs: number;
  /** `"done"`, or `"callback"` when onStep/onEpoch returned false. */
  stopped: "done" | "callback";
}

/** How the targets are fed to the loss and how accuracy is read, decided once the output width is known. */
interface TargetPlan {
  /** Targets in the form the loss wants, for all rows. */
  lossTargets: Matrix | Int32Array;
  /** Class labels for accuracy, or null for regression. */
  labels: Int32Array | null;
  /** Threshold for single-output accuracy (0 for logits, 0.5 otherwise). */
  threshold: number;
}

/**
 * Resolves the loss through the losses module (which knows the names and their
 * short forms) and recognises the built-in ones by identity, because targets
 * are prepared differently for each (labels, 0/1 column, one-hot).
 */
function resolveLoss(l: TrainOptions["loss"]): { fn: TrainLossFn; kind: "softmaxCrossEntropy" | "mse" | "bce" | "custom" } {
  if (typeof l !== "function" && typeof l !== "string") {
    throw new Error(`train: loss must be a name (${lossNames.join(", ")}) or a function, got ${String(l)}`);
  }
  const fn = (typeof l === "function" ? l : lossByName(l)) as TrainLossFn;
  const kind = fn === (softmaxCrossEntropy as unknown) ? "softmaxCrossEntropy"
    : fn === (mse as unknown) ? "mse"
    : fn === (binaryCrossEntropyWithLogits as unknown) ? "bce"
    : "custom";
  return { fn, kind };
}

function isLabels(y: Targets): y is Int32Array | number[] {
  return !(y instanceof Matrix);
}

function positiveInt(what: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) throw new Error(`train: ${what} must be a positive integer, got ${String(v)}`);
  return v;
}

function firstNonFinite(m: Matrix): number {
  const d = m.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return i;
  return -1;
}

function checkData(what: string, x: Matrix, y: Targets): void {
  if (!(x instanceof Matrix)) throw new Error(`train: ${what}x must be a Matrix, got ${String(x)}`);
  if (x.rows === 0) throw new Error(`train: ${what}x is empty (${x.shape})`);
  if (!y || (!(y instanceof Matrix) && !Array.isArray(y) && !(y instanceof Int32Array))) {
    throw new Error(`train: ${what}y must be labels (Int32Array or number[]) or a Matrix, got ${String(y)}`);
  }
  const yRows = targetRows(y);
  if (yRows !== x.rows) throw new Error(`train: ${what}x has ${x.rows} rows but ${what}y has ${yRows}`);
  const bad = firstNonFinite(x);
  if (bad >= 0) throw new Error(`train: ${what}x has ${x.data[bad]} at (${Math.floor(bad / x.cols)}, ${bad % x.cols})`);
  if (y instanceof Matrix) {
    const badY = firstNonFinite(y);
    if (badY >= 0) throw new Error(`train: ${what}y has ${y.data[badY]} at (${Math.floor(badY / y.cols)}, ${badY % y.cols})`);
  }
}

/**
 * Decides how targets reach the loss. Labels stay labels for softmax cross-entropy
 * and custom losses; `bce` and single-output `mse` get a 0/1 column; `mse` with
 * several outputs gets one-hot rows. Accuracy is reported whenever class labels
 * are known (labels given, or a one-hot / 0/1 matrix with a classification loss).
 */
function planTargets(y: Targets, lossName: string, outCols: number): TargetPlan {
  const threshold = lossName === "bce" ? 0 : 0.5;
  if (isLabels(y)) {
    const labels = Int32Array.from(y);
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== y[i]) throw new Error(`train: label ${String(y[i])} at row ${i} is not an integer`);
    }
    if (lossName === "bce" || (lossName === "mse" && outCols === 1)) {
      const col = new Matrix(labels.length, 1);
      for (let i = 0; i < labels.length; i++) col.data[i] = labels[i];
      return { lossTargets: col, labels, threshold };
    }
    if (lossName === "mse") return { lossTargets: oneHot(labels, outCols), labels, threshold };
    return { lossTargets: labels, labels, threshold };
  }
  const classification = lossName === "softmaxCrossEntropy" || lossName === "bce";
  let labels: Int32Array | null = null;
  if (classification) {
    labels = new Int32Array(y.rows);
    for (let i = 0; i < y.rows; i++) {
      if (y.cols === 1) labels[i] = y.data[i] > 0.5 ? 1 : 0;
      else {
        let best = 0;
        for (let j = 1; j < y.cols; j++) if (y.data[i * y.cols + j] > y.data[i * y.cols + best]) best = j;
        labels[i] = best;
      }
    }
  }
  return { lossTargets: y, labels, threshold };
}

/** The rows `idx` of t into `out` (t's rows are whole examples; idx comes from a permutation, so it is in range). */
function gatherRows(t: Matrix, idx: Int32Array, out: Matrix): Matrix {
  const n = t.cols, T = t.data, O = out.data;
  for (let i = 0; i < idx.length; i++) O.set(T.subarray(idx[i] * n, idx[i] * n + n), i * n);
  return out;
}

/** Labels `idx` of t into the first idx.length entries of `out`, returned as a view. */
function gatherLabels(t: Int32Array, idx: Int32Array, out: Int32Array): Int32Array {
  for (let i = 0; i < idx.length; i++) out[i] = t[idx[i]];
  return idx.length === out.length ? out : out.subarray(0, idx.length);
}

/**
 * The buffers one `train` call reuses from step to step, so that in steady
 * state a step allocates no matrices: the mini-batch (inputs, targets,
 * labels) and the loss's gradient and probabilities. The model's own
 * activations live in its layers (`forwardReusing`, see scratch.ts).
 */
class StepBuffers {
  private readonly x = new Scratch();
  private readonly targets = new Scratch();
  private readonly grad = new Scratch();
  private readonly probs = new Scratch();
  private labels = new Int32Array(0);
  private targetLabels = new Int32Array(0);
  private readonly loss: LossBuffers = {};

  batch(x: Matrix, idx: Int32Array): Matrix {
    return gatherRows(x, idx, this.x.get(idx.length, x.cols));
  }

  /** Targets for the loss: gathered rows of a target matrix, or gathered labels. */
  lossTargets(t: Matrix | Int32Array, idx: Int32Array): Matrix | Int32Array {
    if (t instanceof Matrix) return gatherRows(t, idx, this.targets.get(idx.length, t.cols));
    if (this.targetLabels.length < idx.length) this.targetLabels = new Int32Array(idx.length);
    return gatherLabels(t, idx, this.targetLabels);
  }

  /** Class labels for accuracy. */
  accuracyLabels(t: Int32Array, idx: Int32Array): Int32Array {
    if (this.labels.length < idx.length) this.labels = new Int32Array(idx.length);
    return gatherLabels(t, idx, this.labels);
  }

  /** Gradient and probability buffers of the prediction's shape. */
  lossBuffers(pred: Matrix): LossBuffers {
    this.loss.grad = this.grad.get(pred.rows, pred.cols);
    this.loss.probs = this.probs.get(pred.rows, pred.cols);
    return this.loss;
  }
}

/** `train`'s options, checked (each bad value named), with the defaults and the step plan filled in. */
function readTrainOptions(model: Trainable, opts: TrainOptions) {
  if (!model || typeof model.forward !== "function" || typeof model.backward !== "function" || typeof model.parameters !== "function") {
    throw new Error("train: model needs forward(x), backward(dOut) and parameters()");
  }
  if (!opts || typeof opts !== "object") throw new Error("train: options { x, y, loss, optimizer, epochs | steps } are required");
  const { x, y } = opts;
  checkData("", x, y);
  if (opts.loss === undefined) throw new Error(`train: loss is required (${lossNames.join(", ")} or a function)`);
  const { fn: lossFn, kind: lossName } = resolveLoss(opts.loss);

  let opt: Optimizer;
  if (typeof opts.optimizer === "string") opt = makeOptimizer(opts.optimizer, opts.lr === undefined ? {} : { lr: opts.lr });
  else if (opts.optimizer && typeof opts.optimizer.step === "function") opt = opts.optimizer;
  else throw new Error(`train: optimizer is required (an Optimizer or a name such as "adam"), got ${String(opts.optimizer)}`);

  if (opts.epochs !== undefined && opts.steps !== undefined) throw new Error("train: give epochs or steps, not both");
  if (opts.epochs === undefined && opts.steps === undefined) throw new Error("train: give epochs or steps");
  const n = x.rows;
  const batchSize = opts.batchSize === undefined ? n : positiveInt("batchSize", opts.batchSize);
  const fullBatch = batchSize >= n;
  const perEpoch = batchesPerEpoch(n, batchSize);
  const totalSteps = opts.steps !== undefined ? positiveInt("steps", opts.steps) : positiveInt("epochs", opts.epochs) * perEpoch;
  const rng = opts.rng;
  if (!fullBatch && (!rng || typeof rng.permutation !== "function")) {
    throw new Error(`train: rng is required to shuffle mini-batches (batchSize ${batchSize} < ${n} rows)`);
  }
  const validation = opts.validation;
  // With validation data and no evalEvery, evaluate once per epoch (what a validation curve usually shows).
  const evalEvery = opts.evalEvery === undefined ? (validation ? perEpoch : 0) : positiveInt("evalEvery", opts.evalEvery);
  if (validation) checkData("validation ", validation.x, validation.y);
  if (opts.schedule !== undefined && typeof opts.schedule !== "function") throw new Error(`train: schedule must be a function (step) => lr, got ${String(opts.schedule)}`);
  return { x, y, lossFn, lossName, opt, n, batchSize, fullBatch, perEpoch, totalSteps, rng, validation, evalEvery };
}

/**
 * Trains `model` in place and returns its history.
 *
 * Each step: zero the gradients, forward a batch, compute the loss and its
 * gradient, backward, then let the optimiser update the parameters. Full-batch
 * training (the default) uses the data as given; mini-batches are drawn by
 * shuffling once per epoch with `rng`.
 *
 * ```ts
 * const model = mlp([2, 16, 16, 3], { hidden: "tanh", rng });
 * const { history } = await train(model, { x, y, loss: "softmaxCrossEntropy",
 *   optimizer: new Adam({ lr: 0.01 }), epochs: 200, batchSize: 32, rng });
 * ```
 * @throws `train: loss became NaN at step 37 (epoch 2); try a smaller learning rate (now 0.5)` when the
 *   model's output or the loss stops being finite; errors for bad options and data (naming the value); and
 *   whatever `cooperate()` throws when the host interrupts (unchanged, the model keeps its trained weights).
 */
export async function train(model: Trainable, opts: TrainOptions): Promise<TrainResult> {
  const { x, y, lossFn, lossName, opt, n, batchSize, fullBatch, perEpoch, totalSteps, rng, validation, evalEvery } = readTrainOptions(model, opts);

  const params = model.parameters();
  const zeroGrad = typeof model.zeroGrad === "function" ? () => model.zeroGrad!() : () => zeroGrads(params);
  const evaluate = typeof model.predict === "function" ? (m: Matrix) => model.predict!(m) : (m: Matrix) => model.forward(m);
  // The buffer-reusing passes when the model has them (see scratch.ts); the first layer's dX is never needed here.
  const forward = typeof model.forwardReusing === "function" ? (m: Matrix) => model.forwardReusing!(m) : (m: Matrix) => model.forward(m);
  const backward = typeof model.backwardReusing === "function" ? (d: Matrix) => model.backwardReusing!(d, false) : (d: Matrix) => model.backward(d);
  // Built-in losses write into reused buffers; a learner's own loss is called exactly as documented.
  const buffers = new StepBuffers();
  const computeLoss = lossName === "custom"
    ? (p: Matrix, t: Matrix | Int32Array) => lossFn(p, t)
    : (p: Matrix, t: Matrix | Int32Array) => (lossFn as (p: Matrix, t: Matrix | Int32Array, out: LossBuffers) => LossResult)(p, t, buffers.lossBuffers(p));

  const history: HistoryEntry[] = [];
  const t0 = performance.now();
  let plan: TargetPlan | null = null;
  let evalPlan: TargetPlan | null = null;
  let perm: Int32Array | null = null;
  let epochLoss = 0, epochCorrect = 0, epochRows = 0;
  let last: HistoryEntry | null = null;
  let lastEval: { loss: number; accuracy?: number } | null = null;
  let stopped: TrainResult["stopped"] = "done";

  for (let s = 0; s < totalSteps; s++) {
    await cooperate();
    const epoch = Math.floor(s / perEpoch); // 0-based
    const b = s % perEpoch;

    if (opts.schedule) opt.lr = checkLearningRate("train: schedule", opts.schedule(s));
    const lr = opt.lr;

    // The batch: the data itself when full-batch (order does not change a mean gradient).
    let bx = x;
    let idx: Int32Array | null = null;
    if (!fullBatch) {
      if (b === 0 || perm === null) perm = rng!.permutation(n);
      idx = perm.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
      bx = buffers.batch(x, idx);
    }

    zeroGrad();
    const pred = forward(bx);
    if (!(pred instanceof Matrix)) throw new Error(`train: model.forward returned ${String(pred)}, expected a Matrix`);
    if (pred.rows !== bx.rows) throw new Error(`train: model output is ${pred.shape} for a batch of ${bx.rows} rows`);
    if (plan === null) plan = planTargets(y, lossName, pred.cols);
    const bad = firstNonFinite(pred);
    if (bad >= 0) throw diverged(Number.isNaN(pred.data[bad]) ? "NaN" : "Infinity", s + 1, epoch + 1, lr);
    const target = idx ? buffers.lossTargets(plan.lossTargets, idx) : plan.lossTargets;
    const out = computeLoss(pred, target);
    if (!Number.isFinite(out.loss)) throw diverged(String(out.loss), s + 1, epoch + 1, lr);
    backward(out.grad);
    opt.step(params);

    let acc: number | undefined;
    if (plan.labels) {
      const labels = idx ? buffers.accuracyLabels(plan.labels, idx) : plan.labels;
      acc = accuracy(pred, labels, { threshold: plan.threshold });
      epochCorrect += acc * bx.rows;
    }
    epochLoss += out.loss * bx.rows;
    epochRows += bx.rows;

    const entry: HistoryEntry = { step: s + 1, epoch: epoch + 1, loss: out.loss, lr, elapsedMs: performance.now() - t0 };
    if (acc !== undefined) entry.accuracy = acc;
    if (evalEvery > 0 && ((s + 1) % evalEvery === 0 || s + 1 === totalSteps)) {
      const ex = validation ? validation.x : x, ey = validation ? validation.y : y;
      const ep = evaluate(ex);
      if (evalPlan === null) evalPlan = validation ? planTargets(ey, lossName, ep.cols) : plan;
      const evalOut = lossFn(ep, evalPlan.lossTargets);
      lastEval = { loss: evalOut.loss };
      entry.evalLoss = evalOut.loss;
      if (evalPlan.labels) {
        lastEval.accuracy = accuracy(ep, evalPlan.labels, { threshold: evalPlan.threshold });
        entry.evalAccuracy = lastEval.accuracy;
      }
    }
    history.push(entry);
    last = entry;

    const progress = (): Progress => ({
      step: entry.step, epoch: entry.epoch, loss: entry.loss, accuracy: entry.accuracy, lr, elapsedMs: entry.elapsedMs,
      totalSteps, fraction: entry.step / totalSteps,
      ...(entry.evalLoss !== undefined ? { evalLoss: entry.evalLoss } : {}),
      ...(entry.evalAccuracy !== undefined ? { evalAccuracy: entry.evalAccuracy } : {}),
    });
    if (opts.onStep && (await opts.onStep(progress())) === false) {
      stopped = "callback";
      break;
    }
    if (b === perEpoch - 1) {
      const summary = progress();
      summary.loss = epochLoss / epochRows;
      summary.accuracy = plan.labels ? epochCorrect / epochRows : undefined;
      epochLoss = epochCorrect = epochRows = 0;
      if (opts.onEpoch && (await opts.onEpoch(summary)) === false) {
        stopped = "callback";
        break;
      }
    }
  }

  const result: TrainResult = {
    history,
    steps: history.length,
    epochs: last ? last.epoch : 0,
    loss: last ? last.loss : NaN,
    elapsedMs: performance.now() - t0,
    stopped,
  };
  if (last?.accuracy !== undefined) result.accuracy = last.accuracy;
  if (lastEval) {
    result.evalLoss = lastEval.loss;
    if (lastEval.accuracy !== undefined) result.evalAccuracy = lastEval.accuracy;
  }
  return result;
}

function diverged(what: string, step: number, epoch: number, lr: number): Error {
  return new Error(`train: loss became ${what} at step ${step} (epoch ${epoch}); try a smaller learning rate (now ${lr})`);
}

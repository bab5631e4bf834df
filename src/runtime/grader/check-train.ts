/**
 * (e) A model the learner builds and trains. In order: the untrained model's
 * shape (the data's inputs → `classes` logits); the library's `checkModel` on it with
 * softmax cross-entropy on a few training rows (a wrong backward stops the
 * grading here, before a long and pointless training run); then training,
 * awaited with the usual cooperation so Stop and the time limit still work;
 * then the accuracy on held-out points drawn from their own fork of the seed.
 */
import { takeLabels, takeRows, type ClassificationData } from "../../nn/datasets.ts";
import { checkModel as checkWholeModel, type GradCheckReport } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import { accuracy } from "../../nn/metrics.ts";
import type { Rng } from "../../nn/rng.ts";
import { cooperate } from "../../nn/cooperate.ts";
import { copyMatrix, invoke, readMatrix, type LearnerFn } from "./call.ts";
import { PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { TrainCheck } from "./exercise.ts";
import { GradeTimeout, isInterrupted, LearnerFailure } from "./failure.ts";
import { err, kindOf, list, num, plotValue } from "./format.ts";

/** What the grader needs from the learner's model. */
interface LearnerModel {
  forward(x: Matrix): Matrix;
  backward(dOut: Matrix): Matrix;
  parameters(): { name: string; value: Matrix; grad: Matrix }[];
  predict?(x: Matrix): Matrix;
}

const pct = (a: number): string => `${(100 * a).toFixed(1)} %`;

function copyData(d: ClassificationData): ClassificationData {
  return { x: copyMatrix(d.x), y: Int32Array.from(d.y), classes: d.classes };
}

/** Runs a piece of the learner's model code; an error it throws is the learner's exception. */
function guarded<T>(what: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isInterrupted(e) || e instanceof LearnerFailure || e instanceof GradeTimeout) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", `${what} threw ${text}.`, { input: what });
  }
}

/** The model's outputs for x (predict when it has one), read as a classes-wide matrix. */
function outputs(l: LearnerFn, model: LearnerModel, x: Matrix, classes: number, what: string, advice?: string): Matrix {
  const out = guarded(what, () => (typeof model.predict === "function" ? model.predict(x) : model.forward(x)));
  return readMatrix(l, out, { name: "the model's output", rows: x.rows, cols: classes, like: `${x.rows} rows × ${classes} logits (one per class)`, advice }, what);
}

/**
 * Awaits the learner's promise, yielding through `cooperate()` so Stop (the
 * host's hook throws) and the grading deadline are heard even while it runs.
 */
async function awaitLearner(l: LearnerFn, promise: Promise<unknown>): Promise<void> {
  let settled = false;
  let failure: { error: unknown } | null = null;
  promise.then(
    () => { settled = true; },
    (e: unknown) => { settled = true; failure = { error: e }; },
  );
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cooperate();
    if (!settled && performance.now() > l.deadline) {
      throw new GradeTimeout(`${l.name} did not finish training within the ${l.limitMs / 1000} s time budget for grading: train for fewer steps, or with a smaller model or larger batches.`);
    }
  }
  if (failure) {
    const e = (failure as { error: unknown }).error;
    if (isInterrupted(e)) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", `${l.name} failed: its Promise rejected with ${text}. Read the message, fix the call, and make sure every promise inside it is awaited.`, { input: "training" });
  }
}

/** The gradient check's verdict as one or two sentences naming the parameters at fault. */
function gradientMessage(rep: GradCheckReport, rows: number): string {
  const bad = rep.perParam.filter((p) => p.band === "wrong" || p.band === "suspicious");
  const w = rep.worst;
  let text = `the gradient check of the untrained model (softmax cross-entropy on ${rows} training rows) failed`;
  if (bad.length) text += ` for ${list(bad.map((p) => `${p.name} (${p.shape}, max relative error ${err(p.maxError)}, ${p.band})`))}`;
  text += ".";
  if (w && w.band !== "good" && w.band !== "acceptable") {
    text += ` Worst element: ${w.param}[${w.index.join(", ")}], backward gives ${num(w.analytic)} but central differences give ${num(w.numeric)}.`;
  }
  if (rep.problems.length) text += ` Problems: ${rep.problems.slice(0, 3).join("; ")}.`;
  return `${text} Training stopped before it began: a layer's backward is wrong (check the one that owns ${bad[0]?.name ?? "these parameters"}), and no amount of training fixes a wrong gradient.`;
}

/** Grades a model built and trained by the learner. */
export async function checkTrain(spec: TrainCheck, ctx: CheckContext): Promise<CheckResult> {
  const parts = new PartList();
  const build = ctx.entries[spec.build];
  const fit = ctx.entries[spec.fit];
  const dataRng = ctx.rng.fork();
  const heldRng = ctx.rng.fork();
  const modelRng = ctx.rng.fork();
  const fitRng = ctx.rng.fork();
  const checkRng = ctx.rng.fork();
  // Data may come from a file (the digits): then the spec returns a Promise.
  const data = await spec.data(dataRng);
  const held = await spec.heldOut(heldRng);
  const inputs = data.x.cols;
  const rows = Math.min(spec.probeRows ?? 6, data.x.rows);
  const pick = ctx.rng.permutation(data.x.rows).slice(0, rows);
  const probe = { x: takeRows(data.x, pick), y: takeLabels(data.y, pick) };
  const analytic: number[] = [], numeric: number[] = [];
  let model: LearnerModel | null = null;
  let heldAccuracy = 0;
  let below = false;

  // (1) The untrained model: its kind, and the data's inputs → classes outputs.
  const shapeOk = await parts.run("the model's shape", () => {
    const out = invoke(build, [{ name: "rng", value: modelRng as Rng }], `${build.name}(rng)`);
    const m = out as Partial<LearnerModel> | null;
    if (!m || typeof m !== "object" || typeof m.forward !== "function" || typeof m.backward !== "function" || typeof m.parameters !== "function") {
      throw new LearnerFailure("shape", `${build.name} returned ${kindOf(out)}; it must return a model with forward, backward and parameters, such as mlp([${inputs}, …, ${spec.classes}], { rng }).`, { input: `${build.name}(rng)` });
    }
    model = m as LearnerModel;
    const y = outputs(build, model, probe.x, spec.classes, `the untrained model on ${rows} points of ${inputs} inputs`);
    void y;
    return { passed: true, message: `the untrained model maps ${rows}×${inputs} inputs to ${rows}×${spec.classes} logits, one per class.` };
  });
  if (!shapeOk || !model) return result(parts, analytic, numeric, 0, spec);
  const net: LearnerModel = model;

  // (2) The whole model's gradient check, before any training.
  const gradOk = await parts.run("gradient check before training", async () => {
    const rep = await guardedAsync("the gradient check (model.forward / model.backward)", () =>
      checkWholeModel(net, probe.x, probe.y, "softmaxCrossEntropy", { rng: checkRng, keepElements: true, maxPerParam: spec.maxPerParam }));
    if (performance.now() > build.deadline) throw new GradeTimeout(`the gradient check of your model used up the ${build.limitMs / 1000} s time budget: is the model very large?`);
    for (const e of rep.elements ?? []) {
      analytic.push(plotValue(e.analytic));
      numeric.push(plotValue(e.numeric));
    }
    if (!rep.ok) {
      const worst = rep.worst;
      throw new LearnerFailure("gradient", gradientMessage(rep, rows), worst ? { param: worst.param, index: [...worst.index], input: `${rows} training rows` } : { input: `${rows} training rows` });
    }
    return {
      passed: true,
      message: `backward matches central differences for all ${rep.perParam.length} parameters (${rep.checked} elements${spec.maxPerParam ? `, at most ${spec.maxPerParam} per parameter drawn at random` : ""}) of the untrained model.`,
      ...(rep.maxError > 0 ? { maxError: rep.maxError } : {}), band: rep.band,
    };
  });
  if (!gradOk) return result(parts, analytic, numeric, 0, spec);

  // (3) Training, then the held-out points.
  await parts.run(`accuracy on ${held.x.rows} held-out points`, async () => {
    let out: unknown;
    try {
      out = fit.fn(net, copyData(data), fitRng);
    } catch (e) {
      if (isInterrupted(e)) throw e;
      const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new LearnerFailure("exception", `${fit.name} threw ${text} while training.`, { input: "training" });
    }
    if (out && typeof (out as Promise<unknown>).then === "function") await awaitLearner(fit, out as Promise<unknown>);
    if (performance.now() > fit.deadline) {
      throw new GradeTimeout(`${fit.name} did not finish training within the ${fit.limitMs / 1000} s time budget for grading: train for fewer steps, or with a smaller model or larger batches.`);
    }
    const diverged = "training diverged: lower the learning rate.";
    const heldOut = outputs(fit, net, held.x, spec.classes, `the trained model on the held-out points`, diverged);
    heldAccuracy = accuracy(heldOut, held.y);
    const trainAccuracy = accuracy(outputs(fit, net, data.x, spec.classes, "the trained model on the training set", diverged), data.y);
    const where = `${held.x.rows} points drawn from seed ${ctx.seed} (a separate fork, never seen in training)`;
    if (heldAccuracy >= spec.minAccuracy) {
      return { passed: true, message: `after training, ${pct(heldAccuracy)} of ${where} are classified correctly (at least ${pct(spec.minAccuracy)}; training accuracy ${pct(trainAccuracy)}).` };
    }
    const advice = trainAccuracy < spec.minAccuracy + 0.02
      ? `It does not even fit the training set (${pct(trainAccuracy)} there): it underfits. Give it more capacity (wider or deeper layers, ReLU), a better optimiser such as Adam, or more steps.`
      : `It fits the training set (${pct(trainAccuracy)}) but not new points: it overfits. Use a smaller model, weight decay or fewer steps.`;
    below = true;
    return { passed: false, message: `after training, only ${pct(heldAccuracy)} of ${where} are classified correctly; at least ${pct(spec.minAccuracy)} is needed. ${advice}`, where: { input: where } };
  });
  // A low accuracy is a recognised numeric outcome, not a broken contract: a pattern, no problem.
  if (below) parts.pattern ??= "accuracy-below";
  return result(parts, analytic, numeric, heldAccuracy, spec);
}

async function guardedAsync<T>(what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (isInterrupted(e) || e instanceof LearnerFailure || e instanceof GradeTimeout) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", `${what} threw ${text}.`, { input: what });
  }
}

function result(parts: PartList, analytic: number[], numeric: number[], heldAccuracy: number, spec: TrainCheck): CheckResult {
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: "the untrained model's gradients: numerical gradient vs backward", reference: "numerical gradient", analytic, numeric } : undefined,
    summary: `held-out accuracy ${pct(heldAccuracy)} (at least ${pct(spec.minAccuracy)} needed), after a gradient check of the untrained model`,
  };
}

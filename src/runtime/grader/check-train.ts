/**
 * (e) A model the learner builds and trains. In order: the untrained model's
 * shape (the data's inputs → `classes` logits); the library's `checkModel` on it with
 * softmax cross-entropy on a few training rows (a wrong backward stops the
 * grading here, before a long and pointless training run); then training,
 * awaited with the usual cooperation so Stop and the time limit still work;
 * then the accuracy on held-out points drawn from their own fork of the seed.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
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
import { bandName, err, kindOf, list, num, plotValue } from "./format.ts";

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
function guarded<T>(what: string, lang: Lang, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isInterrupted(e) || e instanceof LearnerFailure || e instanceof GradeTimeout) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", t(G.pieceThrew, lang, { what, error: text }), { input: what });
  }
}

/** The model's outputs for x (predict when it has one), read as a classes-wide matrix. */
function outputs(l: LearnerFn, model: LearnerModel, x: Matrix, classes: number, what: string, advice?: string): Matrix {
  const out = guarded(what, l.lang, () => (typeof model.predict === "function" ? model.predict(x) : model.forward(x)));
  return readMatrix(l, out, { name: t(G.theModelsOutput, l.lang), rows: x.rows, cols: classes, like: t(G.rowsTimesLogits, l.lang, { rows: x.rows, classes }), advice }, what);
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
      throw new GradeTimeout(t(G.trainingTimeout, l.lang, { fn: l.name, s: l.limitMs / 1000 }));
    }
  }
  if (failure) {
    const e = (failure as { error: unknown }).error;
    if (isInterrupted(e)) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", t(G.promiseRejected, l.lang, { fn: l.name, error: text }), { input: t(G.trainInput, l.lang) });
  }
}

/** The gradient check's verdict as one or two sentences naming the parameters at fault. */
function gradientMessage(rep: GradCheckReport, rows: number, lang: Lang): string {
  const bad = rep.perParam.filter((p) => p.band === "wrong" || p.band === "suspicious");
  const w = rep.worst;
  let text = t(G.gradCheckFailed, lang, { rows });
  if (bad.length) text += t(G.gradCheckFor, lang, { params: list(bad.map((p) => t(G.paramError, lang, { name: p.name, shape: p.shape, error: err(p.maxError), band: bandName(p.band, lang) })), lang) });
  text += t(G.fullStop, lang);
  if (w && w.band !== "good" && w.band !== "acceptable") {
    text += t(G.worstElement, lang, { place: `${w.param}[${w.index.join(", ")}]`, analytic: num(w.analytic), numeric: num(w.numeric) });
  }
  if (rep.problems.length) text += t(G.gradProblems, lang, { problems: rep.problems.slice(0, 3).join("; ") });
  return t(G.trainingStopped, lang, { head: text, param: bad[0]?.name ?? t(G.theseParams, lang) });
}

/** Grades a model built and trained by the learner. */
export async function checkTrain(spec: TrainCheck, ctx: CheckContext): Promise<CheckResult> {
  const lang = ctx.lang;
  const parts = new PartList(lang);
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
  const shapeOk = await parts.run(t(G.modelShape, lang), () => {
    const out = invoke(build, [{ name: "rng", value: modelRng as Rng }], `${build.name}(rng)`);
    const m = out as Partial<LearnerModel> | null;
    if (!m || typeof m !== "object" || typeof m.forward !== "function" || typeof m.backward !== "function" || typeof m.parameters !== "function") {
      throw new LearnerFailure("shape", t(G.notModel, lang, { fn: build.name, kind: kindOf(out, lang), inputs, classes: spec.classes }), { input: `${build.name}(rng)` });
    }
    model = m as LearnerModel;
    const y = outputs(build, model, probe.x, spec.classes, t(G.untrainedOn, lang, { rows, inputs }));
    void y;
    return { passed: true, message: t(G.shapeRight, lang, { rows, inputs, classes: spec.classes }) };
  });
  if (!shapeOk || !model) return result(parts, analytic, numeric, 0, spec, lang);
  const net: LearnerModel = model;

  // (2) The whole model's gradient check, before any training.
  const gradOk = await parts.run(t(G.gradBeforeTraining, lang), async () => {
    const rep = await guardedAsync(t(G.theGradCheck, lang), lang, () =>
      checkWholeModel(net, probe.x, probe.y, "softmaxCrossEntropy", { rng: checkRng, keepElements: true, maxPerParam: spec.maxPerParam }));
    if (performance.now() > build.deadline) throw new GradeTimeout(t(G.gradCheckTimeout, lang, { s: build.limitMs / 1000 }));
    for (const e of rep.elements ?? []) {
      analytic.push(plotValue(e.analytic));
      numeric.push(plotValue(e.numeric));
    }
    if (!rep.ok) {
      const worst = rep.worst;
      const input = t(G.trainingRows, lang, { rows });
      throw new LearnerFailure("gradient", gradientMessage(rep, rows, lang), worst ? { param: worst.param, index: [...worst.index], input } : { input });
    }
    return {
      passed: true,
      message: t(G.backwardMatches, lang, { params: rep.perParam.length, checked: rep.checked ?? 0, sampled: spec.maxPerParam ? t(G.sampledPerParam, lang, { n: spec.maxPerParam }) : "" }),
      ...(rep.maxError > 0 ? { maxError: rep.maxError } : {}), band: rep.band,
    };
  });
  if (!gradOk) return result(parts, analytic, numeric, 0, spec, lang);

  // (3) Training, then the held-out points.
  await parts.run(t(G.accuracyOn, lang, { n: held.x.rows }), async () => {
    let out: unknown;
    try {
      out = fit.fn(net, copyData(data), fitRng);
    } catch (e) {
      if (isInterrupted(e)) throw e;
      const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new LearnerFailure("exception", t(G.fitThrew, lang, { fn: fit.name, error: text }), { input: t(G.trainInput, lang) });
    }
    if (out && typeof (out as Promise<unknown>).then === "function") await awaitLearner(fit, out as Promise<unknown>);
    if (performance.now() > fit.deadline) {
      throw new GradeTimeout(t(G.trainingTimeout, lang, { fn: fit.name, s: fit.limitMs / 1000 }));
    }
    const diverged = t(G.divergedAdvice, lang);
    const heldOut = outputs(fit, net, held.x, spec.classes, t(G.trainedOnHeld, lang), diverged);
    heldAccuracy = accuracy(heldOut, held.y);
    const trainAccuracy = accuracy(outputs(fit, net, data.x, spec.classes, t(G.trainedOnTrain, lang), diverged), data.y);
    const where = t(G.heldWhere, lang, { n: held.x.rows, seed: ctx.seed });
    const train = pct(trainAccuracy), need = pct(spec.minAccuracy), acc = pct(heldAccuracy);
    if (heldAccuracy >= spec.minAccuracy) {
      return { passed: true, message: t(G.accuracyPassed, lang, { acc, where, need, train }) };
    }
    const advice = trainAccuracy < spec.minAccuracy + 0.02 ? t(G.underfits, lang, { train }) : t(G.overfits, lang, { train });
    below = true;
    return { passed: false, message: t(G.accuracyFailed, lang, { acc, where, need, advice }), where: { input: where } };
  });
  // A low accuracy is a recognised numeric outcome, not a broken contract: a pattern, no problem.
  if (below) parts.pattern ??= "accuracy-below";
  return result(parts, analytic, numeric, heldAccuracy, spec, lang);
}

async function guardedAsync<T>(what: string, lang: Lang, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (isInterrupted(e) || e instanceof LearnerFailure || e instanceof GradeTimeout) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", t(G.pieceThrew, lang, { what, error: text }), { input: what });
  }
}

function result(parts: PartList, analytic: number[], numeric: number[], heldAccuracy: number, spec: TrainCheck, lang: Lang): CheckResult {
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.trainLabel, lang), reference: "numerical gradient", analytic, numeric } : undefined,
    summary: t(G.trainSummary, lang, { acc: pct(heldAccuracy), need: pct(spec.minAccuracy) }),
  };
}

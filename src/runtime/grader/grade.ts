/**
 * Grading one exercise: find the learner's functions, run the exercise's
 * check with a generator seeded by `seed` (so every point and shape is fresh
 * per seed, yet repeatable), and summarise the parts in a `GradeReport`.
 * Pure: no DOM, the same in the worker and in Node.
 */
import type { ExerciseText } from "../../i18n/exercise-text.ts";
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { createRng } from "../../nn/rng.ts";
import type { LearnerFn } from "./call.ts";
import { checkBackward } from "./check-backward.ts";
import { checkBatches } from "./check-batches.ts";
import { checkDerivative } from "./check-derivative.ts";
import { checkInit } from "./check-init.ts";
import { checkModel } from "./check-model.ts";
import type { CheckContext, CheckResult } from "./check-result.ts";
import { checkTrain } from "./check-train.ts";
import { checkUpdate } from "./check-update.ts";
import { checkValue } from "./check-value.ts";
import { checkEntries, DEFAULT_TIME_LIMIT_MS, type ExerciseDef } from "./exercise.ts";
import { GradeTimeout, isInterrupted } from "./failure.ts";
import { kindOf, sentence } from "./format.ts";
import { MAX_COMPARISON_POINTS, type GradeComparison, type GradePart, type GradeReport } from "./report.ts";

/** Options of {@link gradeExercise}. */
export interface GradeOptions {
  /** The id shown in the report (default `def.id`); the page passes `"<chapter>/<id>"`. */
  exerciseId?: string;
  /** The language of the report (default English). */
  lang?: Lang;
  /** The edition's translations of the exercise's own strings (case labels, stability notes). */
  text?: ExerciseText | null;
}

/**
 * Grades the learner's definitions against an exercise.
 * @param learner the learner's names (e.g. the page scope's `tanhPrime`), by name.
 * @param seed every random point and shape is drawn from it; the report shows it.
 * Stop (an `Interrupted` thrown at a cooperation point) propagates.
 */
export async function gradeExercise(def: ExerciseDef, learner: Record<string, unknown>, seed: number, options: GradeOptions = {}): Promise<GradeReport> {
  const start = performance.now();
  const exerciseId = options.exerciseId ?? def.id;
  const lang = options.lang ?? "en";
  const translations = options.text?.text ?? {};
  const text = (s: string): string => translations[s] || s;
  const finish = (r: Omit<GradeReport, "exerciseId" | "seed" | "elapsedMs">): GradeReport => ({
    exerciseId, seed, ...r, elapsedMs: Math.round(performance.now() - start),
  });

  for (const name of def.entry) {
    const v = learner[name];
    const part = t(G.definesName, lang, { name });
    if (v === undefined) {
      const message = t(G.missingMessage, lang, { name });
      return finish({ passed: false, headline: t(G.missingHeadline, lang, { name }), parts: [{ name: part, passed: false, message }], problem: "missing", pattern: null });
    }
    if (typeof v !== "function") {
      const message = t(G.notFunction, lang, { name, kind: kindOf(v, lang) });
      return finish({ passed: false, headline: message, parts: [{ name: part, passed: false, message }], problem: "missing", pattern: null });
    }
  }

  const limitMs = def.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const entries: Record<string, LearnerFn> = {};
  for (const name of def.entry) {
    entries[name] = { name, fn: learner[name] as (...args: unknown[]) => unknown, deadline: start + limitMs, limitMs, lang };
  }
  if (def.wrapper) {
    const fns: Record<string, (...args: never[]) => unknown> = {};
    for (const name of def.entry) fns[name] = learner[name] as (...args: never[]) => unknown;
    const fn = def.wrapper.build(fns) as (...args: unknown[]) => unknown;
    entries[def.wrapper.fn] = { name: def.wrapper.fn, fn, deadline: start + limitMs, limitMs, lang };
  }
  const ctx: CheckContext = { rng: createRng(seed), seed, learner: entries[checkEntries(def.check).at(-1) as string], entries, lang, text };
  let result: CheckResult;
  try {
    result = await runCheck(def, ctx);
  } catch (e) {
    if (isInterrupted(e)) throw e;
    if (e instanceof GradeTimeout) {
      return finish({ passed: false, headline: t(G.timeoutHeadline, lang, { message: e.message }), parts: [{ name: t(G.timeLimitPart, lang), passed: false, message: e.message }], problem: "timeout", pattern: null });
    }
    // Not the learner's fault: say so rather than blame their answer.
    const message = t(G.graderBug, lang, { error: e instanceof Error ? e.message : String(e) });
    return finish({ passed: false, headline: message, parts: [{ name: t(G.graderPart, lang), passed: false, message }], problem: null, pattern: null });
  }

  const passed = result.parts.length > 0 && result.parts.every((p) => p.passed);
  return finish({
    passed,
    headline: passed
      ? (result.parts.length === 1 ? t(G.passedOne, lang, { seed, summary: result.summary }) : t(G.passedAll, lang, { n: result.parts.length, seed, summary: result.summary }))
      : headlineOf(result.parts, lang, result.comparison?.reference),
    parts: result.parts.map(cleanPart),
    comparison: thin(result.comparison),
    problem: result.problem,
    pattern: result.pattern,
  });
}

function runCheck(def: ExerciseDef, ctx: CheckContext): Promise<CheckResult> {
  const c = def.check;
  switch (c.kind) {
    case "derivative":
      return checkDerivative(c, ctx);
    case "backward":
      return checkBackward(c, ctx);
    case "model":
      return checkModel(c, ctx);
    case "value":
      return checkValue(c, ctx);
    case "update":
      return checkUpdate(c, ctx);
    case "train":
      return checkTrain(c, ctx);
    case "batches":
      return checkBatches(c, ctx);
    case "init":
      return checkInit(c, ctx);
  }
}

/**
 * The headline of a failed grading: which check showed it, then the cause
 * once (a recognised pattern, a stability failure, or a broken contract).
 * The part's own message gives the facts without repeating the cause. A part
 * with no recognised cause lends its first sentence instead.
 */
function headlineOf(parts: readonly GradePart[], lang: Lang, against = "reference"): string {
  const failed = parts.filter((p) => !p.passed);
  const first = failed[0];
  if (!first) return t(G.noCheckRan, lang);
  const more = failed.length > 1 ? t(G.failedCount, lang, { failed: failed.length, total: parts.length }) : "";
  const firstSentence = first.message.split(lang === "en" ? /(?<=[.?!])\s+(?=[A-Z])/ : /(?<=[。？！])/)[0];
  return t(G.failedHeadline, lang, { name: first.name, more, cause: sentence(first.cause ?? numericCause(first, lang, against) ?? firstSentence, lang) });
}

/** For numbers that are off with no recognised pattern: where, without repeating the values the message gives. */
function numericCause(p: GradePart, lang: Lang, against: string): string | undefined {
  if (p.band !== "wrong" && p.band !== "suspicious") return undefined;
  const w = p.where;
  const place = w?.param ? t(G.firstAt, lang, { place: `${w.param}${w.index && w.index.length > 1 ? `[${w.index.join("][")}]` : ""}` }) : "";
  return t(against === "numerical gradient" ? G.differsNumeric : G.differsReference, lang, { place });
}

/** JSON has no NaN or Infinity: leave such errors out rather than send null. */
function cleanPart(p: GradePart): GradePart {
  const out = { ...p };
  if (out.maxError !== undefined && !Number.isFinite(out.maxError)) delete out.maxError;
  return out;
}

/** At most MAX_COMPARISON_POINTS finite points, evenly spread. */
function thin(c: GradeComparison | undefined): GradeComparison | undefined {
  if (!c) return undefined;
  const idx: number[] = [];
  for (let i = 0; i < c.analytic.length; i++) if (Number.isFinite(c.analytic[i]) && Number.isFinite(c.numeric[i])) idx.push(i);
  if (idx.length === 0) return undefined;
  const stride = Math.max(1, Math.ceil(idx.length / MAX_COMPARISON_POINTS));
  const keep = idx.filter((_, n) => n % stride === 0);
  return { label: c.label, reference: c.reference, analytic: keep.map((i) => c.analytic[i]), numeric: keep.map((i) => c.numeric[i]) };
}

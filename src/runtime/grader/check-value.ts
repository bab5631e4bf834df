/**
 * (c) A value function (a forward pass, softmax…) against the library's
 * reference at random inputs of each case — typical ones, a batch of one and
 * of several rows, and hard ones (logits near ±1000, rows of equal values).
 * Values are compared element by element with the library's relative error
 * and bands; a correct implementation agrees to rounding (≤ 1e-7, "good").
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { cooperate } from "../../nn/cooperate.ts";
import { gradientBand, relativeError } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import { copyMatrix, invokeTwice, matrixReader, numberReader, type Arg, type LearnerFn, type ResultReader } from "./call.ts";
import { LearnerFailure } from "./failure.ts";
import { PartList, withCause, type CheckContext, type CheckResult } from "./check-result.ts";
import type { ValueCheck, ValueInput } from "./exercise.ts";
import { agreement, at, bandName, err, kindOf, num, plotValue, rowCol } from "./format.ts";
import { detectPattern, pairsOf } from "./patterns.ts";

function copyInput(v: ValueInput): ValueInput {
  if (v instanceof Matrix) return copyMatrix(v);
  if (Array.isArray(v)) return v.slice();
  return v;
}

function describe(name: string, v: ValueInput, lang: Lang, text: (s: string) => string): string {
  if (v instanceof Matrix) return `${name} ${v.shape}`;
  if (Array.isArray(v)) return t(G.describeLength, lang, { name, n: v.length });
  if (typeof v === "function") return `${name} = ${v.name ? text(v.name) : t(G.aFunctionOfX, lang)}`;
  return `${name} = ${num(v as number)}`;
}

/** Reads a label answer: one of `labels`, compared exactly. */
function labelReader(l: LearnerFn, labels: readonly string[]): ResultReader<string> {
  const known = labels.map((s) => JSON.stringify(s)).join(", ");
  return {
    read(out, input) {
      if (typeof out !== "string") throw new LearnerFailure("shape", t(G.notLabel, l.lang, { fn: l.name, kind: kindOf(out, l.lang), input, known }), { input });
      if (labels.length && !labels.includes(out)) throw new LearnerFailure("shape", t(G.unknownLabel, l.lang, { fn: l.name, label: JSON.stringify(out), input, known }), { input });
      return out;
    },
    diff: (a, b) => (a === b ? null : { text: t(G.firstSecond, l.lang, { a: JSON.stringify(a), b: JSON.stringify(b) }), where: {} }),
  };
}

/** Rows of the first Matrix input (the batch size), or 1. */
function batchOf(inputs: readonly ValueInput[]): number {
  const m = inputs.find((v) => v instanceof Matrix) as Matrix | undefined;
  return m ? m.rows : 1;
}

/** Grades a value function. */
export async function checkValue(spec: ValueCheck, ctx: CheckContext): Promise<CheckResult> {
  const fn = ctx.learner.name;
  const lang = ctx.lang;
  const parts = new PartList(lang);
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0;
  let singleRowPassed = false;
  for (const c of spec.cases) {
    const made = c.make(ctx.rng);
    const inputs: readonly ValueInput[] = made instanceof Matrix ? [made] : made;
    const names = inputs.map((_, i) => spec.args?.[i] ?? (inputs.length === 1 ? "x" : `x${i + 1}`));
    const rows = batchOf(inputs);
    const unstable = c.stability ? t(G.unstable, lang, { why: ctx.text(c.stability) }) : undefined;
    const passed = await parts.run(ctx.text(c.label), () => withCause(unstable, async () => {
      const ref = spec.reference(...inputs.map(copyInput));
      const input = inputs.map((v, i) => describe(names[i], v, lang, ctx.text)).join(", ");
      const makeArgs = (): Arg[] => inputs.map((v, i) => ({ name: names[i], value: copyInput(v) }));
      let yours: Matrix, want: Matrix;
      if (typeof ref === "string") {
        const labels = spec.labels ?? [];
        const got = invokeTwice(ctx.learner, makeArgs, input, labelReader(ctx.learner, labels));
        analytic.push(labels.indexOf(got));
        numeric.push(labels.indexOf(ref));
        if (got === ref) return { passed: true, message: t(G.labelRight, lang, { label: JSON.stringify(ref), input }) };
        return { passed: false, message: t(G.labelWrong, lang, { yours: JSON.stringify(got), want: JSON.stringify(ref), input }), cause: unstable, where: { param: "output", input }, band: "wrong" };
      }
      if (typeof ref === "number") {
        yours = Matrix.from([invokeTwice(ctx.learner, makeArgs, input, numberReader(ctx.learner))]);
        want = Matrix.from([ref]);
      } else {
        yours = invokeTwice(ctx.learner, makeArgs, input, matrixReader(ctx.learner, { name: "output", rows: ref.rows, cols: ref.cols, like: t(G.theReferenceOutput, lang) }));
        want = ref;
      }
      await cooperate();
      let worst = 0, worstErr = 0;
      for (let k = 0; k < yours.data.length; k++) {
        const e = relativeError(yours.data[k], want.data[k]);
        if (e > worstErr) {
          worst = k;
          worstErr = e;
        }
        analytic.push(plotValue(yours.data[k]));
        numeric.push(plotValue(want.data[k]));
      }
      const band = gradientBand(worstErr);
      if (band === "good") {
        maxError = Math.max(maxError, worstErr);
        return { passed: true, message: t(G.valueRight, lang, { error: err(worstErr) }), maxError: worstErr, band };
      }
      const idx = rowCol(worst, yours.cols);
      // No batch-size patterns here: a value function has no 1/N to forget.
      const found = detectPattern(pairsOf(yours, want), lang);
      if (found) parts.pattern ??= found.pattern;
      const place = typeof ref === "number" ? "output" : at("output", idx);
      let message = t(G.valueWrong, lang, { place, yours: num(yours.data[worst]), want: num(want.data[worst]), error: err(worstErr), band: bandName(band, lang) });
      // Only a case that is about batches gets the batch hint (a matrix input is not always a batch).
      if (!found && rows > 1 && singleRowPassed && /batch/i.test(c.label)) message += (lang === "en" ? " " : "") + t(G.valueBatchHint, lang);
      return { passed: false, message, cause: found?.text ?? unstable, where: { param: "output", index: typeof ref === "number" ? undefined : idx, input }, maxError: worstErr, band };
    }));
    if (rows === 1 && passed) singleRowPassed = true;
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.valueLabel, lang, { fn }), reference: "reference", analytic, numeric } : undefined,
    summary: t(G.valueSummary, lang, { fn, agreement: agreement(maxError, lang) }),
  };
}

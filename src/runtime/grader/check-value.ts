/**
 * (c) A value function (a forward pass, softmax…) against the library's
 * reference at random inputs of each case — typical ones, a batch of one and
 * of several rows, and hard ones (logits near ±1000, rows of equal values).
 * Values are compared element by element with the library's relative error
 * and bands; a correct implementation agrees to rounding (≤ 1e-7, "good").
 */
import { cooperate } from "../../nn/cooperate.ts";
import { gradientBand, relativeError } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import { copyMatrix, invokeTwice, matrixReader, numberReader, type Arg, type LearnerFn, type ResultReader } from "./call.ts";
import { LearnerFailure } from "./failure.ts";
import { PartList, withCause, type CheckContext, type CheckResult } from "./check-result.ts";
import type { ValueCheck, ValueInput } from "./exercise.ts";
import { agreement, at, err, kindOf, num, plotValue, rowCol, sentence } from "./format.ts";
import { detectPattern, pairsOf } from "./patterns.ts";

function copyInput(v: ValueInput): ValueInput {
  if (v instanceof Matrix) return copyMatrix(v);
  if (Array.isArray(v)) return v.slice();
  return v;
}

function describe(name: string, v: ValueInput): string {
  if (v instanceof Matrix) return `${name} ${v.shape}`;
  if (Array.isArray(v)) return `${name} of length ${v.length}`;
  if (typeof v === "function") return `${name} = ${v.name || "a function of x"}`;
  return `${name} = ${num(v as number)}`;
}

/** Reads a label answer: one of `labels`, compared exactly. */
function labelReader(l: LearnerFn, labels: readonly string[]): ResultReader<string> {
  const known = labels.map((s) => JSON.stringify(s)).join(", ");
  return {
    read(out, input) {
      if (typeof out !== "string") throw new LearnerFailure("shape", `${l.name} returned ${kindOf(out)} for ${input}; it must return one of ${known}.`, { input });
      if (labels.length && !labels.includes(out)) throw new LearnerFailure("shape", `${l.name} returned ${JSON.stringify(out)} for ${input}; it must return one of ${known}.`, { input });
      return out;
    },
    diff: (a, b) => (a === b ? null : { text: `${JSON.stringify(a)} the first time, ${JSON.stringify(b)} the second`, where: {} }),
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
  const parts = new PartList();
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0;
  let singleRowPassed = false;
  for (const c of spec.cases) {
    const made = c.make(ctx.rng);
    const inputs: readonly ValueInput[] = made instanceof Matrix ? [made] : made;
    const names = inputs.map((_, i) => spec.args?.[i] ?? (inputs.length === 1 ? "x" : `x${i + 1}`));
    const rows = batchOf(inputs);
    const unstable = c.stability ? `not numerically stable: ${c.stability}` : undefined;
    const passed = await parts.run(c.label, () => withCause(unstable, async () => {
      const ref = spec.reference(...inputs.map(copyInput));
      const input = inputs.map((v, i) => describe(names[i], v)).join(", ");
      const makeArgs = (): Arg[] => inputs.map((v, i) => ({ name: names[i], value: copyInput(v) }));
      let yours: Matrix, want: Matrix;
      if (typeof ref === "string") {
        const labels = spec.labels ?? [];
        const got = invokeTwice(ctx.learner, makeArgs, input, labelReader(ctx.learner, labels));
        analytic.push(labels.indexOf(got));
        numeric.push(labels.indexOf(ref));
        if (got === ref) return { passed: true, message: `${JSON.stringify(ref)}, as the reference says (${input}).` };
        return { passed: false, message: `yours is ${JSON.stringify(got)}, the reference says ${JSON.stringify(ref)} (${input}).`, cause: unstable, where: { param: "output", input }, band: "wrong" };
      }
      if (typeof ref === "number") {
        yours = Matrix.from([invokeTwice(ctx.learner, makeArgs, input, numberReader(ctx.learner))]);
        want = Matrix.from([ref]);
      } else {
        yours = invokeTwice(ctx.learner, makeArgs, input, matrixReader(ctx.learner, { name: "output", rows: ref.rows, cols: ref.cols, like: "the reference output" }));
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
        return { passed: true, message: `matches the reference (max relative error ${err(worstErr)}, good).`, maxError: worstErr, band };
      }
      const idx = rowCol(worst, yours.cols);
      // No batch-size patterns here: a value function has no 1/N to forget.
      const found = detectPattern(pairsOf(yours, want));
      if (found) parts.pattern ??= found.pattern;
      const place = typeof ref === "number" ? "output" : at("output", idx);
      let message = sentence(`${place}: yours is ${num(yours.data[worst])}, the reference gives ${num(want.data[worst])} (relative error ${err(worstErr)}, ${band})`);
      // Only a case that is about batches gets the batch hint (a matrix input is not always a batch).
      if (!found && rows > 1 && singleRowPassed && /batch/i.test(c.label)) message += " It works for a single row but not for a batch: treat each row on its own.";
      return { passed: false, message, cause: found?.text ?? unstable, where: { param: "output", index: typeof ref === "number" ? undefined : idx, input }, maxError: worstErr, band };
    }));
    if (rows === 1 && passed) singleRowPassed = true;
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${fn}: reference vs yours`, reference: "reference", analytic, numeric } : undefined,
    summary: `${fn} matches the reference on every case ${agreement(maxError)}`,
  };
}

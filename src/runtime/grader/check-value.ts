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
import { copyMatrix, invokeTwice, matrixReader, numberReader, type Arg } from "./call.ts";
import { PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { ValueCheck, ValueInput } from "./exercise.ts";
import { agreement, at, err, num, plotValue, rowCol, sentence } from "./format.ts";
import { detectPattern, pairsOf } from "./patterns.ts";

function copyInput(v: ValueInput): ValueInput {
  if (v instanceof Matrix) return copyMatrix(v);
  if (Array.isArray(v)) return v.slice();
  return v;
}

function describe(name: string, v: ValueInput): string {
  if (v instanceof Matrix) return `${name} ${v.shape}`;
  if (Array.isArray(v)) return `${name} of length ${v.length}`;
  return `${name} = ${num(v as number)}`;
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
    const passed = await parts.run(c.label, async () => {
      const ref = spec.reference(...inputs.map(copyInput));
      const input = inputs.map((v, i) => describe(names[i], v)).join(", ");
      const makeArgs = (): Arg[] => inputs.map((v, i) => ({ name: names[i], value: copyInput(v) }));
      let yours: Matrix, want: Matrix;
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
      let message = sentence(`${place}: yours is ${num(yours.data[worst])}, the reference gives ${num(want.data[worst])} (relative error ${err(worstErr)}, ${band})` +
        (found ? `: ${found.text}` : ""));
      // Only a case that is about batches gets the batch hint (a matrix input is not always a batch).
      if (!found && rows > 1 && singleRowPassed && /batch/i.test(c.label)) message += " It works for a single row but not for a batch: treat each row on its own.";
      return { passed: false, message, where: { param: "output", index: typeof ref === "number" ? undefined : idx, input }, maxError: worstErr, band };
    });
    if (rows === 1 && passed) singleRowPassed = true;
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${fn}: yours (x) against the reference (y)`, analytic, numeric } : undefined,
    summary: `${fn} matches the reference on every case ${agreement(maxError)}`,
  };
}

/**
 * (c) A value function (a forward pass, softmax…) against the library's
 * reference at random inputs of each case — typical ones, a batch of one and
 * of several rows, and hard ones (logits near ±1000, rows of equal values).
 * Values are compared element by element with the library's relative error
 * and bands; a correct implementation agrees to rounding (≤ 1e-7, "good").
 */
import { cooperate } from "../../nn/cooperate.ts";
import { gradientBand, relativeError, type GradBand } from "../../nn/gradcheck.ts";
import { copyMatrix, invokeTwice, matrixReader } from "./call.ts";
import { PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { ValueCheck } from "./exercise.ts";
import { at, err, num, plotValue, rowCol } from "./format.ts";
import { detectPattern, pairsOf } from "./patterns.ts";

/** Grades a value function. */
export async function checkValue(spec: ValueCheck, ctx: CheckContext): Promise<CheckResult> {
  const fn = ctx.learner.name;
  const parts = new PartList();
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0;
  let singleRowPassed = false;
  for (const c of spec.cases) {
    const x = c.make(ctx.rng);
    const rows = x.rows;
    const passed = await parts.run(c.label, async () => {
      const ref = spec.reference(copyMatrix(x));
      const input = `${c.label}: input ${x.shape}`;
      const y = invokeTwice(
        ctx.learner,
        () => [{ name: "input", value: copyMatrix(x) }],
        input,
        matrixReader(ctx.learner, { name: "the output", rows: ref.rows, cols: ref.cols, like: "the reference output" }),
      );
      await cooperate();
      let worst = -1, worstErr = 0, band: GradBand = "good";
      for (let k = 0; k < y.data.length; k++) {
        const e = relativeError(y.data[k], ref.data[k]);
        if (worst < 0 || e > worstErr) {
          worst = k;
          worstErr = e;
        }
      }
      band = gradientBand(worstErr);
      for (let k = 0; k < y.data.length; k++) {
        analytic.push(plotValue(y.data[k]));
        numeric.push(plotValue(ref.data[k]));
      }
      if (band === "good") {
        maxError = Math.max(maxError, worstErr);
        return { passed: true, message: `matches the reference at a ${x.shape} input (max relative error ${err(worstErr)}, good).`, maxError: worstErr, band };
      }
      const idx = rowCol(worst, y.cols);
      const found = detectPattern(pairsOf(y, ref), rows);
      if (found) parts.pattern ??= found.pattern;
      let message = `${at("output", idx)}: yours is ${num(y.data[worst])}, the reference gives ${num(ref.data[worst])} (relative error ${err(worstErr)}, ${band})` +
        (found ? `: ${found.text}.` : ".");
      if (!found && rows > 1 && singleRowPassed) message += " It works for a single row but not for a batch: treat each row on its own.";
      return { passed: false, message, where: { param: "output", index: idx, input }, maxError: worstErr, band };
    });
    if (rows === 1 && passed) singleRowPassed = true;
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${fn}: yours (x) against the reference (y)`, analytic, numeric } : undefined,
    summary: `${fn} matches the reference on every case (max relative error ${err(maxError)})`,
  };
}

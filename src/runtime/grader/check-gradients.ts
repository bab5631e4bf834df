/**
 * The steps a gradient check kind shares (`check-backward.ts`, `check-model.ts`):
 * for each batch size, draw an instance, call the learner twice on it, run the
 * library's `checkGradients`, give suspicious elements a second opinion
 * (`sharpen`), judge the report, keep the points for the comparison plot, and
 * say when one example passes but a batch does not.
 */
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import type { GradCheckReport } from "../../nn/gradcheck.ts";
import type { Matrix } from "../../nn/matrix.ts";
import type { Rng } from "../../nn/rng.ts";
import { drawBatches, PartList, withCause, type CheckContext } from "./check-result.ts";
import type { BatchSizes } from "./exercise.ts";
import { plotValue } from "./format.ts";
import { judgeGradients, sharpen } from "./grad-verdict.ts";
import type { PatternFinding } from "./patterns.ts";

/** One drawn instance of a gradient check: the learner's call and the check of its result. */
export interface GradientInstance<T> {
  /** How the instance reads in messages, e.g. `"x 3x4, dOut 3x4"`. */
  input: string;
  /** Calls the learner (twice, identically: `invokeTwice`) and reads what it returned. */
  call(): T;
  /** Runs the library's checker on that result (with `keepElements: true`). */
  check(result: T, rng: Rng): Promise<{ report: GradCheckReport; targets: ReadonlyMap<string, Matrix>; loss: () => number }>;
  /** The learner's name of each checked target's gradient, e.g. `{ W1: "dW1" }`. */
  gradName: Readonly<Record<string, string>>;
  /** A kind's own explanation of a wrong target, tried before the generic patterns. */
  explain?: (result: T, report: GradCheckReport) => ((target: string) => PatternFinding | null) | undefined;
}

/** What the batches found, for the kind's CheckResult. */
export interface GradientFindings {
  parts: PartList;
  analytic: number[];
  numeric: number[];
  /** Largest relative error among the passed parts. */
  maxError: number;
}

/**
 * Runs one part per batch size.
 * @param draw draws the instance for batch size N (called in order, before the part runs, so the seed fixes every draw).
 * @param batchHint said when a batch fails with no recognised pattern after a batch of one passed.
 * @param stability when set, NaN or Infinity is reported as "not numerically stable" with this reason.
 */
export async function gradientParts<T>(
  ctx: CheckContext,
  batches: BatchSizes | undefined,
  draw: (N: number) => GradientInstance<T>,
  batchHint: string,
  stability?: string,
): Promise<GradientFindings> {
  const parts = new PartList(ctx.lang);
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0;
  let batchOnePassed = false;
  for (const N of drawBatches(ctx.rng, batches)) {
    const inst = draw(N);
    const rng = ctx.rng.fork();
    const name = t(G.batchOf, ctx.lang, { n: N });
    const unstable = stability ? t(G.unstable, ctx.lang, { why: ctx.text(stability) }) : undefined;
    const passed = await parts.run(name, () => withCause(unstable, async () => {
      const result = inst.call();
      const { report, targets, loss } = await inst.check(result, rng);
      const rep = await sharpen(report, targets, loss);
      const v = judgeGradients(rep, inst.gradName, N, inst.input, ctx.lang, inst.explain?.(result, rep));
      for (const p of v.pairs) {
        analytic.push(plotValue(p.a));
        numeric.push(plotValue(p.n));
      }
      if (v.pattern) parts.pattern ??= v.pattern;
      if (v.part.passed) maxError = Math.max(maxError, v.part.maxError ?? 0);
      else if (N > 1 && batchOnePassed && !v.pattern) v.part.message += (ctx.lang === "en" ? " " : "") + batchHint;
      return v.part;
    }));
    if (N === 1 && passed) batchOnePassed = true;
  }
  return { parts, analytic, numeric, maxError };
}

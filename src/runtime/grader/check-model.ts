/**
 * (b) A whole model's gradients: the learner's function returns the gradient
 * of every parameter, and the library's `checkGradients` compares each with
 * central differences of the reference loss. A batch of one and a larger
 * batch are checked, with shapes drawn from the seed.
 */
import { checkGradients } from "../../nn/gradcheck.ts";
import { createParam } from "../../nn/param.ts";
import { copyMatrix, invokeTwice, namedMatricesReader, type MatrixExpectation } from "./call.ts";
import { drawBatches, PartList, withCause, type CheckContext, type CheckResult } from "./check-result.ts";
import type { ModelCheck } from "./exercise.ts";
import { agreement, plotValue } from "./format.ts";
import { judgeGradients, sharpen } from "./grad-verdict.ts";

/** Grades a model's backward pass. */
export async function checkModel(spec: ModelCheck, ctx: CheckContext): Promise<CheckResult> {
  const parts = new PartList();
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0;
  let batchOnePassed = false;
  const paramNames = Object.keys(spec.grads);
  for (const N of drawBatches(ctx.rng, spec.batches)) {
    const values = spec.setup(ctx.rng, N);
    for (const a of spec.args) if (!values[a]) throw new Error(`model check: setup did not draw "${a}"`);
    const input = `batch of ${N}: ${spec.args.map((a) => `${a} ${values[a].shape}`).join(", ")}`;
    const name = N === 1 ? "batch of 1" : `batch of ${N}`;
    const rng = ctx.rng.fork();
    const expect: MatrixExpectation[] = paramNames.map((p) => ({ name: spec.grads[p], rows: values[p].rows, cols: values[p].cols, like: p }));
    const passed = await parts.run(name, () => withCause(spec.stability && `not numerically stable: ${spec.stability}`, async () => {
      const grads = invokeTwice(
        ctx.learner,
        () => spec.args.map((a) => ({ name: a, value: copyMatrix(values[a]) })),
        input,
        namedMatricesReader(ctx.learner, expect),
      );
      const params = paramNames.map((p) => createParam(p, values[p]));
      const loss = (): number => spec.loss(values);
      const checked = await checkGradients({
        params,
        loss,
        // The learner's gradients were computed (twice, identically) at this very point above.
        backward: () => {
          params.forEach((p, n) => {
            const g = grads[expect[n].name].data;
            for (let k = 0; k < g.length; k++) p.grad.data[k] += g[k];
          });
        },
        rng,
        keepElements: true,
      });
      const rep = await sharpen(checked, new Map(params.map((p) => [p.name, p.value])), loss);
      const v = judgeGradients(rep, spec.grads, N, input);
      for (const p of v.pairs) {
        analytic.push(plotValue(p.a));
        numeric.push(plotValue(p.n));
      }
      if (v.pattern) parts.pattern ??= v.pattern;
      if (v.part.passed) maxError = Math.max(maxError, v.part.maxError ?? 0);
      else if (N > 1 && batchOnePassed && !v.pattern) {
        v.part.message += " It works for one example but not for a batch: sum each example's contribution over the rows of the batch.";
      }
      return v.part;
    }));
    if (N === 1 && passed) batchOnePassed = true;
  }
  const names = Object.values(spec.grads).join(", ");
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${names}: numerical gradient vs yours`, reference: "numerical gradient", analytic, numeric } : undefined,
    summary: `${names} match central differences ${agreement(maxError)}`,
  };
}

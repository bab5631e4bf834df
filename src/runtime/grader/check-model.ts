/**
 * (b) A whole model's gradients: the learner's function returns the gradient
 * of every parameter, and the library's `checkGradients` compares each with
 * central differences of the reference loss. A batch of one and a larger
 * batch are checked, with shapes drawn from the seed.
 */
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { checkGradients } from "../../nn/gradcheck.ts";
import type { Matrix } from "../../nn/matrix.ts";
import { createParam } from "../../nn/param.ts";
import { copyMatrix, invokeTwice, namedMatricesReader, type MatrixExpectation } from "./call.ts";
import { gradientParts } from "./check-gradients.ts";
import type { CheckContext, CheckResult } from "./check-result.ts";
import type { ModelCheck } from "./exercise.ts";
import { agreement } from "./format.ts";

/** Grades a model's backward pass. */
export async function checkModel(spec: ModelCheck, ctx: CheckContext): Promise<CheckResult> {
  const paramNames = Object.keys(spec.grads);
  const found = await gradientParts<Record<string, Matrix>>(ctx, spec.batches, (N) => {
    const values = spec.setup(ctx.rng, N);
    for (const a of spec.args) if (!values[a]) throw new Error(`model check: setup did not draw "${a}"`);
    const input = t(G.batchInput, ctx.lang, { n: N, shapes: spec.args.map((a) => `${a} ${values[a].shape}`).join(", ") });
    const expect: MatrixExpectation[] = paramNames.map((p) => ({ name: spec.grads[p], rows: values[p].rows, cols: values[p].cols, like: p }));
    const loss = (): number => spec.loss(values);
    return {
      input,
      gradName: spec.grads,
      call: () => invokeTwice(
        ctx.learner,
        () => spec.args.map((a) => ({ name: a, value: copyMatrix(values[a]) })),
        input,
        namedMatricesReader(ctx.learner, expect),
      ),
      check: async (grads, rng) => {
        const params = paramNames.map((p) => createParam(p, values[p]));
        const report = await checkGradients({
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
        return { report, targets: new Map(params.map((p) => [p.name, p.value])), loss };
      },
    };
  }, t(G.batchHintSum, ctx.lang), spec.stability);
  const { parts, analytic, numeric, maxError } = found;
  const names = Object.values(spec.grads).join(", ");
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.modelLabel, ctx.lang, { names }), reference: "numerical gradient", analytic, numeric } : undefined,
    summary: t(G.modelSummary, ctx.lang, { names, agreement: agreement(maxError, ctx.lang) }),
  };
}

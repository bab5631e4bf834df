/**
 * (a) A backward function dX = backward(x, dOut) of a forward map: a random
 * upstream gradient dOut makes L = Σ forward(x) ⊙ dOut a scalar whose
 * gradient with respect to x is exactly dX, so the library's `checkGradients`
 * compares the learner's dX with central differences of L. Entries of x stay
 * away from kinks; batches of one and of several rows are checked.
 */
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { checkGradients } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import type { Rng } from "../../nn/rng.ts";
import { randomMatrix } from "../../nn/random-matrix.ts";
import { copyMatrix, invokeTwice, matrixReader } from "./call.ts";
import { gradientParts } from "./check-gradients.ts";
import { drawInt, type CheckContext, type CheckResult } from "./check-result.ts";
import type { BackwardCheck, Range } from "./exercise.ts";
import { agreement } from "./format.ts";

const KINK_MARGIN = 1e-3;

/** A rows×cols matrix uniform in `range`, entries re-drawn when within KINK_MARGIN of a kink. */
export function inputsAwayFromKinks(rng: Rng, rows: number, cols: number, [lo, hi]: Range, kinks: readonly number[] = []): Matrix {
  const m = new Matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) {
    let v = 0;
    for (let tries = 0; tries < 100; tries++) {
      v = rng.uniform(lo, hi);
      if (!kinks.some((c) => Math.abs(v - c) < KINK_MARGIN)) break;
    }
    m.data[k] = v;
  }
  // Both sides of every kink must occur in every row and every column (or in
  // the matrix, for one row or one column), or a wrong answer that errs on one
  // side only, ignores some rows or a column, or changes its input only there
  // could pass by luck.
  const rowGroups = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => i * cols + j));
  const colGroups = Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => i * cols + j));
  const groups = [...(cols >= 2 ? rowGroups : []), ...(rows >= 2 ? colGroups : []), ...(rows < 2 || cols < 2 ? [m.data.map((_, k) => k)] : [])];
  // Two passes: a column's fix may take away a row's only entry on one side.
  for (let pass = 0; pass < 2 && m.data.length >= 2; pass++) {
    kinks.forEach((c, n) => {
      if (!(c - KINK_MARGIN > lo && c + KINK_MARGIN < hi)) return;
      for (const g of groups) {
        // Fix a group's missing side at a place that does not undo an earlier group's fix where possible.
        const k = g[(2 * n) % g.length], k2 = g[(2 * n + 1) % g.length];
        if (!g.some((i) => m.data[i] < c)) m.data[k] = rng.uniform(lo, c - KINK_MARGIN);
        if (!g.some((i) => m.data[i] > c)) m.data[k2] = rng.uniform(c + KINK_MARGIN, hi);
      }
    });
  }
  return m;
}

/**
 * Whether the learner returned only the local derivative, forgetting the
 * chain rule's product with dOut: dX ⊙ dOut matches the numeric gradient.
 */
function forgotUpstream(dX: Matrix, dOut: Matrix, numeric: readonly number[]): boolean {
  if (dX.rows !== dOut.rows || dX.cols !== dOut.cols) return false;
  let scale = 0;
  for (const n of numeric) scale = Math.max(scale, Math.abs(n));
  if (scale === 0) return false;
  for (let k = 0; k < numeric.length; k++) {
    if (Math.abs(dX.data[k] * dOut.data[k] - numeric[k]) > 1e-6 * scale) return false;
  }
  return true;
}

/** Grades a backward function. */
export async function checkBackward(spec: BackwardCheck, ctx: CheckContext): Promise<CheckResult> {
  const found = await gradientParts<Matrix>(ctx, spec.batches, (N) => {
    const cols = drawInt(ctx.rng, spec.cols);
    const x = inputsAwayFromKinks(ctx.rng, N, cols, spec.x, spec.kinks);
    const out0 = spec.forward(x);
    const dOut = randomMatrix(out0.rows, out0.cols, ctx.rng);
    const input = `x ${x.shape}, dOut ${dOut.shape}`; // names and shapes only: the same in every language
    // The checker judges rounding noise from |L|, but a sum of terms of both signs can be
    // near 0 while its rounding error follows the size of the terms (saturated units then
    // look "suspicious"). Offsetting L by Σ|terms| makes |L| reflect that size; it changes
    // no derivative.
    let offset = 0;
    for (let k = 0; k < out0.data.length; k++) offset += Math.abs(out0.data[k] * dOut.data[k]);
    const loss = (): number => {
      const out = spec.forward(x);
      let s = offset;
      for (let k = 0; k < out.data.length; k++) s += out.data[k] * dOut.data[k];
      return s;
    };
    return {
      input,
      gradName: { x: "dX" },
      call: () => invokeTwice(
        ctx.learner,
        () => [{ name: "x", value: copyMatrix(x) }, { name: "dOut", value: copyMatrix(dOut) }],
        input,
        matrixReader(ctx.learner, { name: "dX", rows: x.rows, cols: x.cols, like: "x" }),
      ),
      check: async (dX, rng) => ({
        report: await checkGradients({
          params: [],
          loss,
          backward: () => {},
          inputs: [{ name: "x", value: x, grad: () => dX }],
          rng,
          // Kinks are kept away from every entry, so L is smooth around the point: insist on 1e-7.
          piecewise: false,
          keepElements: true,
        }),
        targets: new Map([["x", x]]),
        loss,
      }),
      explain: (dX, rep) => () =>
        forgotUpstream(dX, dOut, (rep.elements ?? []).map((e) => e.numeric))
          ? { pattern: "forgot-upstream", factor: NaN, text: t(G.forgotUpstream, ctx.lang) }
          : null,
    };
  }, t(G.batchHintRows, ctx.lang));
  const { parts, analytic, numeric, maxError } = found;
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.backwardLabel, ctx.lang, { fn: ctx.learner.name }), reference: "numerical gradient", analytic, numeric } : undefined,
    summary: t(G.backwardSummary, ctx.lang, { fn: ctx.learner.name, agreement: agreement(maxError, ctx.lang) }),
  };
}

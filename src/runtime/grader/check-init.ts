/**
 * (g) A weight initialiser `fn(fanIn, fanOut, rng) → W` (fanIn × fanOut):
 * graded by what the scale is for. First one large non-square matrix: its
 * entries must have mean 0 and variance `variance(fanIn, fanOut)` (measured
 * over thousands of entries, so the band is many standard errors wide). Then
 * a deep ReLU stack of random widths built from the learner's matrices: the
 * mean square of the last layer's pre-activations must stay within a factor
 * of 8 of the first layer's (a scale off by √2 shrinks or grows it 2^depth
 * times). Both calls use generators made from the same seed twice: the same
 * matrix must come back (the rng, not Math.random).
 */
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { Matrix } from "../../nn/matrix.ts";
import { createRng } from "../../nn/rng.ts";
import { randomMatrix } from "../../nn/random-matrix.ts";
import { invokeTwice, matrixReader, type LearnerFn } from "./call.ts";
import { drawInt, PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { InitCheck } from "./exercise.ts";
import { LearnerFailure } from "./failure.ts";
import { num, plotValue } from "./format.ts";

/** Tolerated ratio of measured to expected variance for one matrix (over 6 000 entries or more, the standard error is under 2 %). */
const VARIANCE_BAND = [0.85, 1.15] as const;
/**
 * Tolerated growth or shrinkage of the mean square through the whole stack.
 * At finite width each layer's factor fluctuates by about √(2/width) (some
 * 10 % at 150 units), so ten right layers stay within a factor of 8 with a
 * wide margin, while Xavier's 1/fanIn shrinks the signal 2¹⁰ ≈ 1000 times.
 */
const STACK_BAND = [1 / 8, 8] as const;

/** Calls the initialiser twice with generators from one seed; a different matrix means it did not use rng. */
function draw(l: LearnerFn, fanIn: number, fanOut: number, seed: number): Matrix {
  const input = t(G.fans, l.lang, { fanIn, fanOut });
  try {
    return invokeTwice(
      l,
      () => [{ name: "fanIn", value: fanIn }, { name: "fanOut", value: fanOut }, { name: "rng", value: createRng(seed) }],
      input,
      matrixReader(l, { name: "W", rows: fanIn, cols: fanOut, like: t(G.fanInByOut, l.lang) }),
    );
  } catch (e) {
    if (e instanceof LearnerFailure && e.problem === "accumulates") {
      throw new LearnerFailure(
        "accumulates",
        t(G.initUnseeded, l.lang, { input }),
        e.where, "not-reproducible", t(G.initUnseededCause, l.lang),
      );
    }
    throw e;
  }
}

/** Mean and mean square of a matrix's entries. */
function moments(m: Matrix): { mean: number; meanSquare: number } {
  let s = 0, s2 = 0;
  for (const v of m.data) {
    s += v;
    s2 += v * v;
  }
  return { mean: s / m.data.length, meanSquare: s2 / m.data.length };
}

/** Grades an initialiser. */
export async function checkInit(spec: InitCheck, ctx: CheckContext): Promise<CheckResult> {
  const l = ctx.learner;
  const lang = ctx.lang;
  const parts = new PartList(lang);
  const formula = ctx.text(spec.formula);
  const analytic: number[] = [], numeric: number[] = [];

  // Part 1: one large matrix, more inputs than outputs (so fanIn and fanOut cannot be swapped unnoticed).
  const fanIn = drawInt(ctx.rng, spec.fanIn), fanOut = drawInt(ctx.rng, spec.fanOut);
  const seed1 = ctx.rng.int(2 ** 31);
  const fans = t(G.fans, lang, { fanIn, fanOut });
  await parts.run(t(G.aMatrix, lang, { fanIn, fanOut }), () => {
    const W = draw(l, fanIn, fanOut, seed1);
    const { mean, meanSquare } = moments(W);
    const want = spec.variance(fanIn, fanOut);
    const variance = meanSquare - mean * mean;
    const ratio = variance / want;
    analytic.push(plotValue(variance));
    numeric.push(plotValue(want));
    const se = Math.sqrt(want / W.data.length);
    if (meanSquare === 0) {
      parts.pattern ??= "zeros";
      return { passed: false, message: t(G.allZero, lang, { fans }), cause: t(G.allZeroCause, lang), band: "wrong" };
    }
    if (Math.abs(mean) > 6 * se) {
      return { passed: false, message: t(G.notCentred, lang, { mean: num(mean), noise: num(3 * se), n: W.data.length }), where: { param: "W", input: fans }, band: "wrong" };
    }
    if (ratio < VARIANCE_BAND[0] || ratio > VARIANCE_BAND[1]) {
      parts.pattern ??= "scaled";
      return {
        passed: false,
        message: t(G.wrongVariance, lang, { variance: num(variance), formula, want: num(want), fans }),
        cause: t(G.varianceCause, lang, { ratio: num(ratio), formula }),
        where: { param: "W", input: fans },
        band: "wrong",
      };
    }
    return { passed: true, message: t(G.varianceRight, lang, { mean: num(mean), variance: num(variance), formula, want: num(want), n: W.data.length }) };
  });

  // Part 2: a deep ReLU stack of random widths, built from the learner's matrices.
  const widths = Array.from({ length: spec.depth + 1 }, () => drawInt(ctx.rng, spec.widths));
  const batch = 100;
  const x = randomMatrix(batch, widths[0], ctx.rng);
  const seeds = widths.slice(1).map(() => ctx.rng.int(2 ** 31));
  await parts.run(t(G.aStack, lang, { depth: spec.depth, first: widths[0], last: widths.at(-1) as number }), async () => {
    let a = x;
    let first = NaN, last = NaN;
    const spread: number[] = [];
    for (let layer = 0; layer < spec.depth; layer++) {
      const W = draw(l, widths[layer], widths[layer + 1], seeds[layer]);
      const z = new Matrix(batch, widths[layer + 1]);
      for (let i = 0; i < batch; i++) {
        for (let k = 0; k < widths[layer]; k++) {
          const v = a.data[i * widths[layer] + k];
          if (v === 0) continue;
          for (let j = 0; j < widths[layer + 1]; j++) z.data[i * z.cols + j] += v * W.data[k * W.cols + j];
        }
      }
      const ms = moments(z).meanSquare;
      spread.push(ms);
      if (layer === 0) first = ms;
      last = ms;
      a = new Matrix(z.rows, z.cols, z.data.map((v) => Math.max(v, 0)));
    }
    const ratio = last / first;
    if (!(ratio >= STACK_BAND[0] && ratio <= STACK_BAND[1])) {
      parts.pattern ??= "scaled";
      return {
        passed: false,
        message: t(G.stackDrift, lang, { first: num(first), last: num(last), depth: spec.depth, all: spread.map((v) => num(v)).join(", ") }),
        band: "wrong",
        cause: t(ratio < 1 ? G.stackShrinks : G.stackGrows, lang, { factor: num(ratio < 1 ? 1 / ratio : ratio), depth: spec.depth }),
      };
    }
    return { passed: true, message: t(G.stackSteady, lang, { depth: spec.depth, first: num(first), last: num(last) }) };
  });

  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.initLabel, lang, { fn: l.name }), reference: "reference", analytic, numeric } : undefined,
    summary: t(G.initSummary, lang, { fn: l.name, formula }),
  };
}

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
import { Matrix } from "../../nn/matrix.ts";
import { createRng } from "../../nn/rng.ts";
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
  const input = `fanIn = ${fanIn}, fanOut = ${fanOut}`;
  try {
    return invokeTwice(
      l,
      () => [{ name: "fanIn", value: fanIn }, { name: "fanOut", value: fanOut }, { name: "rng", value: createRng(seed) }],
      input,
      matrixReader(l, { name: "W", rows: fanIn, cols: fanOut, like: "fanIn × fanOut" }),
    );
  } catch (e) {
    if (e instanceof LearnerFailure && e.problem === "accumulates") {
      throw new LearnerFailure(
        "accumulates",
        `two calls with generators made from the same seed gave different matrices (${input}): draw every entry from rng (rng.normal()), not Math.random, so that a seed repeats the same weights.`,
        e.where, "not-reproducible", "the weights are not drawn from rng",
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
  const parts = new PartList();
  const analytic: number[] = [], numeric: number[] = [];

  // Part 1: one large matrix, more inputs than outputs (so fanIn and fanOut cannot be swapped unnoticed).
  const fanIn = drawInt(ctx.rng, spec.fanIn), fanOut = drawInt(ctx.rng, spec.fanOut);
  const seed1 = ctx.rng.int(2 ** 31);
  await parts.run(`a ${fanIn}×${fanOut} matrix`, () => {
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
      return { passed: false, message: `every entry of W is 0 (fanIn = ${fanIn}, fanOut = ${fanOut}).`, cause: "the weights are all 0: draw them at random", band: "wrong" };
    }
    if (Math.abs(mean) > 6 * se) {
      return { passed: false, message: `the entries of W average ${num(mean)}; they must be centred on 0 (± ${num(3 * se)} is the noise for ${W.data.length} entries).`, where: { param: "W", input: `fanIn = ${fanIn}, fanOut = ${fanOut}` }, band: "wrong" };
    }
    if (ratio < VARIANCE_BAND[0] || ratio > VARIANCE_BAND[1]) {
      parts.pattern ??= "scaled";
      return {
        passed: false,
        message: `the entries of W have variance ${num(variance)}, but ${spec.formula} = ${num(want)} (fanIn = ${fanIn}, fanOut = ${fanOut}).`,
        cause: `your weights' variance is ${num(ratio)} times ${spec.formula}`,
        where: { param: "W", input: `fanIn = ${fanIn}, fanOut = ${fanOut}` },
        band: "wrong",
      };
    }
    return { passed: true, message: `mean ${num(mean)} and variance ${num(variance)}, as ${spec.formula} = ${num(want)} asks (${W.data.length} entries).` };
  });

  // Part 2: a deep ReLU stack of random widths, built from the learner's matrices.
  const widths = Array.from({ length: spec.depth + 1 }, () => drawInt(ctx.rng, spec.widths));
  const batch = 100;
  const x = new Matrix(batch, widths[0]);
  for (let k = 0; k < x.data.length; k++) x.data[k] = ctx.rng.normal();
  const seeds = widths.slice(1).map(() => ctx.rng.int(2 ** 31));
  await parts.run(`a stack of ${spec.depth} ReLU layers (widths ${widths[0]} to ${widths.at(-1)})`, async () => {
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
        message: `the mean square of the pre-activations went from ${num(first)} at layer 1 to ${num(last)} at layer ${spec.depth} (${spread.map((v) => num(v)).join(", ")}).`,
        band: "wrong",
        cause: `the signal ${ratio < 1 ? "shrinks" : "grows"} by a factor of ${num(ratio < 1 ? 1 / ratio : ratio)} through ${spec.depth} ReLU layers: the scale does not make up for the half of the inputs a ReLU zeroes`,
      };
    }
    return { passed: true, message: `the mean square of the pre-activations stays steady through ${spec.depth} layers: ${num(first)} at layer 1, ${num(last)} at layer ${spec.depth}.` };
  });

  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${l.name}: variance of the weights, reference vs yours`, reference: "reference", analytic, numeric } : undefined,
    summary: `${l.name} draws weights of variance ${spec.formula} that keep a deep ReLU stack's signal steady`,
  };
}

/**
 * (d) An update rule (one optimiser step): k steps on random gradients against
 * the library's optimiser, comparing the weights after every step; then a
 * run on a small ill-conditioned problem, where it must reduce the loss.
 * Only the weights are compared, so any equivalent way of keeping the state
 * passes; the state is threaded from one call to the next exactly as the
 * learner returns it.
 */
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { cooperate } from "../../nn/cooperate.ts";
import { gradientBand, relativeError } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import { createParam } from "../../nn/param.ts";
import { randomMatrix } from "../../nn/random-matrix.ts";
import { copyMatrix, invoke, invokeTwice, namedMatricesReader, readResult, type Arg, type LearnerFn, type MatrixExpectation } from "./call.ts";
import { drawInt, PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { UpdateCheck } from "./exercise.ts";
import { agreement, at, bandName, err, list, num, plotValue, rowCol } from "./format.ts";
import { detectPattern, type Pair, type PatternFinding } from "./patterns.ts";

/** The learner's state between calls: w and each state matrix. */
type State = Record<string, Matrix>;

function argsFor(spec: UpdateCheck, s: State, grad: Matrix, hyper: Readonly<Record<string, number>>): Arg[] {
  return spec.args.map((name) => {
    if (name === "grad") return { name, value: copyMatrix(grad) };
    if (name in s) return { name, value: copyMatrix(s[name]) };
    if (name in hyper) return { name, value: hyper[name] };
    throw new Error(`update check: argument "${name}" is neither w, grad, a state nor a hyper-parameter`);
  });
}

function expectations(spec: UpdateCheck, rows: number, cols: number): MatrixExpectation[] {
  return ["w", ...spec.state].map((name) => ({ name, rows, cols, like: "w" }));
}

function hyperText(h: Readonly<Record<string, number>>): string {
  return Object.entries(h).map(([k, v]) => `${k} = ${num(v)}`).join(", ");
}

/** Runs the reference optimiser from w0 along the given gradients; the weights after each step. */
function referenceTrajectory(spec: UpdateCheck, w0: Matrix, grads: readonly Matrix[], hyper: Readonly<Record<string, number>>): Matrix[] {
  const p = createParam("w", copyMatrix(w0));
  const opt = spec.reference(hyper);
  return grads.map((g) => {
    p.grad.data.set(g.data);
    opt.step([p]);
    return copyMatrix(p.value);
  });
}

/** Grades an update rule. */
export async function checkUpdate(spec: UpdateCheck, ctx: CheckContext): Promise<CheckResult> {
  const l: LearnerFn = ctx.learner;
  const lang = ctx.lang;
  const parts = new PartList(lang);
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0;
  const stateNames = list(spec.state, lang);

  // Part 1: k steps on random gradients, against the reference.
  const hyper = spec.hyper(ctx.rng);
  const k = drawInt(ctx.rng, spec.steps);
  const rows = drawInt(ctx.rng, spec.rows), cols = drawInt(ctx.rng, spec.cols);
  const w0 = randomMatrix(rows, cols, ctx.rng);
  const grads = Array.from({ length: k }, () => randomMatrix(rows, cols, ctx.rng));
  const reader = namedMatricesReader(l, expectations(spec, rows, cols));
  await parts.run(t(G.stepsAgainst, lang, { k }), async () => {
    const ref = referenceTrajectory(spec, w0, grads, hyper);
    let s: State = { w: copyMatrix(w0) };
    for (const name of spec.state) s[name] = new Matrix(rows, cols);
    let worstAll = 0;
    for (let step = 0; step < k; step++) {
      const input = t(G.stepInput, lang, { t: step + 1, k, rows, cols, hyper: hyperText(hyper) });
      const prev = s.w;
      const out = invokeTwice(l, () => argsFor(spec, s, grads[step], hyper), input, reader);
      await cooperate();
      const target = ref[step];
      let worst = 0, worstK = 0;
      for (let i = 0; i < target.data.length; i++) {
        const e = relativeError(out.w.data[i], target.data[i]);
        analytic.push(plotValue(out.w.data[i]));
        numeric.push(plotValue(target.data[i]));
        if (e > worst) {
          worst = e;
          worstK = i;
        }
      }
      worstAll = Math.max(worstAll, worst);
      const band = gradientBand(worst);
      if (band !== "good") {
        // Compare the steps taken (not the weights) to recognise a flipped sign or a factor.
        const refPrev = step === 0 ? w0 : ref[step - 1];
        const pairs = Array.from(target.data, (n, i) => ({ a: out.w.data[i] - prev.data[i], n: n - refPrev.data[i] }));
        const found = detectPattern(pairs, lang);
        const idx = rowCol(worstK, cols);
        const stale = staleState(spec, s, out, pairs, found, step, ref, w0);
        let cause: string | undefined;
        let why = "";
        if (stale) {
          parts.pattern ??= "old-state";
          cause = t(G.staleState, lang, { state: stateNames });
        } else if (found) {
          parts.pattern ??= found.pattern;
          const known = found.pattern === "zeros" || found.pattern === "sign-flipped" ? undefined
            : spec.factors?.find((f) => Math.abs(found.factor - f.factor(hyper)) <= 1e-3 * Math.abs(f.factor(hyper)));
          cause = found.pattern === "zeros" ? t(G.wStill, lang)
            : known ? t(G.knownFactor, lang, { r: num(found.factor), text: ctx.text(known.text) }) : t(G.wrongStep, lang, { text: found.text });
        } else if (step > 0) {
          why = t(G.laterStep, lang, { t: step + 1, state: stateNames });
        }
        return {
          passed: false,
          message: t(G.afterStep, lang, { t: step + 1, k, place: at("w", idx), yours: num(out.w.data[worstK]), want: num(target.data[worstK]), error: err(worst), band: bandName(band, lang), why }),
          cause,
          where: { param: "w", index: idx, input },
          maxError: worst, band,
        };
      }
      s = out;
    }
    maxError = worstAll;
    return { passed: true, message: t(G.stepsMatch, lang, { k, hyper: hyperText(hyper), error: err(worstAll) }), maxError: worstAll, band: "good" };
  });

  // Part 2: a small ill-conditioned problem, where the update must make progress.
  const pr = spec.problem;
  const problemLabel = ctx.text(pr.label);
  await parts.run(t(G.reducesLossOn, lang, { label: problemLabel }), async () => {
    const reduceTo = pr.reduceTo ?? 0.01;
    const pRows = pr.start.rows, pCols = pr.start.cols;
    const refW = referenceLossAfter(spec, pr.start, pr.steps, pr.hyper, pr.gradient);
    const refLoss = pr.loss(refW);
    let s: State = { w: copyMatrix(pr.start) };
    for (const name of spec.state) s[name] = new Matrix(pRows, pCols);
    const l0 = pr.loss(s.w);
    const probReader = namedMatricesReader(l, expectations(spec, pRows, pCols));
    for (let step = 0; step < pr.steps; step++) {
      const input = t(G.problemStep, lang, { label: problemLabel, t: step + 1, hyper: hyperText(pr.hyper) });
      const out = readResult(l, probReader, invoke(l, argsFor(spec, s, pr.gradient(s.w), pr.hyper), input), input);
      s = out;
      const lt = pr.loss(s.w);
      if (!Number.isFinite(lt) || lt > 1e6 * l0) {
        parts.pattern ??= "diverges";
        return {
          passed: false,
          message: t(G.diverged, lang, { from: num(l0), to: num(lt), t: step + 1 }),
          where: { input },
        };
      }
      await cooperate();
    }
    const lEnd = pr.loss(s.w);
    if (lEnd <= reduceTo * l0) {
      return { passed: true, message: t(G.lossReduced, lang, { steps: pr.steps, from: num(l0), to: num(lEnd), ref: num(refLoss) }) };
    }
    parts.pattern ??= lEnd > l0 ? "diverges" : "no-progress";
    return {
      passed: false,
      message: t(G.lossTooHigh, lang, { steps: pr.steps, from: num(l0), to: num(lEnd), need: num(reduceTo * l0), ref: num(refLoss) }),
      where: { input: t(G.problemHyper, lang, { label: problemLabel, hyper: hyperText(pr.hyper) }) },
    };
  });

  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.updateLabel, lang), reference: "reference", analytic, numeric } : undefined,
    summary: t(G.updateSummary, lang, { fn: l.name, agreement: agreement(maxError, lang) }),
  };
}

/**
 * Whether step t's mistake is "w stepped with the state passed in": on the
 * first step w stays put although the returned state changed (the state
 * passed in is zeros), and on a later step the step taken equals the
 * reference's previous step.
 */
function staleState(
  spec: UpdateCheck, before: State, out: State, pairs: readonly Pair[], found: PatternFinding | null, t: number, ref: readonly Matrix[], w0: Matrix,
): boolean {
  if (spec.state.length === 0) return false;
  if (t === 0) {
    const moved = spec.state.some((name) => out[name]?.data.some((v, i) => v !== before[name].data[i]));
    return found?.pattern === "zeros" && moved;
  }
  const prevStep = Array.from(ref[t - 1].data, (v, i) => v - (t === 1 ? w0 : ref[t - 2]).data[i]);
  const scale = Math.max(...prevStep.map(Math.abs));
  return scale > 0 && pairs.every((p, i) => Math.abs(p.a - prevStep[i]) <= 1e-6 * scale);
}

/** The reference optimiser's weights after `steps` steps on a problem. */
function referenceLossAfter(spec: UpdateCheck, start: Matrix, steps: number, hyper: Readonly<Record<string, number>>, gradient: (w: Matrix) => Matrix): Matrix {
  const p = createParam("w", copyMatrix(start));
  const opt = spec.reference(hyper);
  for (let t = 0; t < steps; t++) {
    p.grad.data.set(gradient(p.value).data);
    opt.step([p]);
  }
  return p.value;
}

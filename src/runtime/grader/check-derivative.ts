/**
 * (a) A scalar derivative: the learner's f′ against central differences of
 * the reference f (the library's `checkScalarFunction`), at random points of
 * each point set — including hard ones such as very large inputs, where a
 * formula that overflows returns NaN.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { cooperate } from "../../nn/cooperate.ts";
import { checkScalarFunction } from "../../nn/gradcheck.ts";
import type { Rng } from "../../nn/rng.ts";
import { invokeTwice, numberReader } from "./call.ts";
import { PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { DerivativeCheck, PointSet } from "./exercise.ts";
import { agreement, bandName, err, num } from "./format.ts";
import { detectPattern } from "./patterns.ts";

/** Distance kept from a kink: far beyond the finite-difference step, so no step crosses it. */
const KINK_MARGIN = 1e-3;

/** Random points of a set, re-drawn when within KINK_MARGIN of a kink. */
export function drawPoints(rng: Rng, set: PointSet, kinks: readonly number[] = []): number[] {
  const ranges = rangesOf(set);
  const out: number[] = [];
  for (let i = 0; i < set.count; i++) {
    // Symmetric sets alternate sides; several ranges take turns (both sides of each when symmetric).
    const side = set.symmetric ? i % 2 : 0;
    const [lo, hi] = ranges[(set.symmetric ? Math.floor(i / 2) : i) % ranges.length];
    let z = 0;
    for (let tries = 0; tries < 100; tries++) {
      z = rng.uniform(lo, hi);
      if (side === 1) z = -z;
      if (!kinks.some((k) => Math.abs(z - k) < KINK_MARGIN)) break;
    }
    out.push(z);
  }
  return out;
}

function rangesOf(set: PointSet): readonly (readonly [number, number])[] {
  return typeof set.range[0] === "number" ? [set.range as readonly [number, number]] : (set.range as readonly (readonly [number, number])[]);
}

function rangeText(set: PointSet, lang: Lang): string {
  const r = rangesOf(set).map(([lo, hi]) => `[${num(lo)}, ${num(hi)}]`).reduce((a, b) => t(G.rangeAnd, lang, { a, b }));
  if (!set.symmetric) return r;
  return t(rangesOf(set).length > 1 ? G.rangeNegatives : G.rangeNegative, lang, { ranges: r });
}

/** Grades a scalar derivative. */
export async function checkDerivative(spec: DerivativeCheck, ctx: CheckContext): Promise<CheckResult> {
  const v = spec.variable ?? "x";
  const fn = ctx.learner.name;
  const lang = ctx.lang;
  const parts = new PartList(lang);
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0, count = 0;
  const reader = numberReader(ctx.learner, t(G.adviceOverflowExp, lang));
  for (const set of spec.points) {
    const points = drawPoints(ctx.rng, set, spec.kinks);
    await parts.run(ctx.text(set.label), async () => {
      const values: number[] = [];
      for (const z of points) {
        values.push(invokeTwice(ctx.learner, () => [{ name: v, value: z }], `${v} = ${num(z)}`, reader));
        await cooperate();
      }
      // The learner's values were checked above (finite numbers, repeatable); the library compares them.
      const byPoint = new Map(points.map((z, k) => [z, values[k]]));
      const rep = checkScalarFunction(spec.f, (z) => byPoint.get(z) ?? NaN, points, { piecewise: spec.kinks?.length ? undefined : false });
      for (const p of rep.points) {
        analytic.push(p.analytic);
        numeric.push(p.numeric);
      }
      if (rep.problems.length > 0) {
        // Only the reference can cause these (the learner's values are finite): an authoring error, said plainly.
        return { passed: false, message: t(G.checkFailed, lang, { problems: rep.problems.join("; ") }), band: "wrong" as const };
      }
      if (rep.ok) {
        maxError = Math.max(maxError, rep.maxError);
        count += points.length;
        return {
          passed: true,
          message: t(G.derivPassed, lang, { fn, n: points.length, ranges: rangeText(set, lang), error: err(rep.maxError), band: bandName(rep.band, lang) }),
          maxError: rep.maxError, band: rep.band,
        };
      }
      const w = rep.worst ?? rep.points[0];
      const k = rep.points.indexOf(w);
      const found = detectPattern(rep.points.map((p) => ({ a: p.analytic, n: p.numeric })), lang);
      if (found) parts.pattern ??= found.pattern;
      const why = found ? "" : t(G.derivWrongAt, lang, { k: rep.points.filter((p) => p.band === "wrong" || p.band === "suspicious").length, n: points.length });
      return {
        passed: false,
        cause: found?.text,
        message: t(G.derivFailed, lang, { fn, z: num(w.z), yours: num(w.analytic), formula: ctx.text(spec.formula ?? "f"), numeric: num(w.numeric), error: err(w.error), band: bandName(w.band, lang), why }),
        where: { index: [k], input: `${v} = ${num(w.z)}` },
        maxError: rep.maxError, band: rep.band,
      };
    });
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.derivLabel, lang, { fn, v }), reference: "numerical gradient", analytic, numeric } : undefined,
    summary: t(G.derivSummary, lang, { fn, n: count, agreement: agreement(maxError, lang) }),
  };
}

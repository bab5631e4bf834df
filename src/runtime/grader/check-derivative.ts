/**
 * (a) A scalar derivative: the learner's f′ against central differences of
 * the reference f (the library's `checkScalarFunction`), at random points of
 * each point set — including hard ones such as very large inputs, where a
 * formula that overflows returns NaN.
 */
import { cooperate } from "../../nn/cooperate.ts";
import { checkScalarFunction } from "../../nn/gradcheck.ts";
import type { Rng } from "../../nn/rng.ts";
import { invokeTwice, numberReader } from "./call.ts";
import { PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { DerivativeCheck, PointSet } from "./exercise.ts";
import { agreement, err, num, sentence } from "./format.ts";
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

function rangeText(set: PointSet): string {
  const r = rangesOf(set).map(([lo, hi]) => `[${num(lo)}, ${num(hi)}]`).join(" and ");
  return set.symmetric ? `${r} and ${rangesOf(set).length > 1 ? "their negatives" : "its negative"}` : r;
}

/** Grades a scalar derivative. */
export async function checkDerivative(spec: DerivativeCheck, ctx: CheckContext): Promise<CheckResult> {
  const v = spec.variable ?? "x";
  const fn = ctx.learner.name;
  const parts = new PartList();
  const analytic: number[] = [], numeric: number[] = [];
  let maxError = 0, count = 0;
  const reader = numberReader(ctx.learner, "compute it in a way that does not overflow (Math.exp of a large number is Infinity)");
  for (const set of spec.points) {
    const points = drawPoints(ctx.rng, set, spec.kinks);
    await parts.run(set.label, async () => {
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
        return { passed: false, message: `the check itself failed: ${rep.problems.join("; ")}.`, band: "wrong" as const };
      }
      if (rep.ok) {
        maxError = Math.max(maxError, rep.maxError);
        count += points.length;
        return {
          passed: true,
          message: `${fn} matches central differences at ${points.length} random points in ${rangeText(set)} (max relative error ${err(rep.maxError)}, ${rep.band}).`,
          maxError: rep.maxError, band: rep.band,
        };
      }
      const w = rep.worst ?? rep.points[0];
      const k = rep.points.indexOf(w);
      const found = detectPattern(rep.points.map((p) => ({ a: p.analytic, n: p.numeric })));
      if (found) parts.pattern ??= found.pattern;
      const why = found ? "" : `, wrong at ${rep.points.filter((p) => p.band === "wrong" || p.band === "suspicious").length} of ${points.length} points`;
      return {
        passed: false,
        cause: found?.text,
        message: sentence(`${fn}(${num(w.z)}): yours is ${num(w.analytic)}, central differences of ${spec.formula ?? "f"} give ${num(w.numeric)} (relative error ${err(w.error)}, ${w.band})${why}`),
        where: { index: [k], input: `${v} = ${num(w.z)}` },
        maxError: rep.maxError, band: rep.band,
      };
    });
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${fn}(${v}): numerical gradient vs yours`, reference: "numerical gradient", analytic, numeric } : undefined,
    summary: `${fn} matches central differences at ${count} random points ${agreement(maxError)}`,
  };
}

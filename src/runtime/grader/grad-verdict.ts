/**
 * Turning the library's gradient-check report into what a learner reads:
 * which gradient is wrong, at which element, by how much, and — when the
 * numbers show it — why (sign, factor 2, missing 1/N, transposed).
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { cooperate } from "../../nn/cooperate.ts";
import { numericGradient, relativeError, type GradBand, type GradCheckElement, type GradCheckReport } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import { at, bandName, err, list, num } from "./format.ts";
import { detectPattern, isTransposeOf, type Pair, type PatternFinding } from "./patterns.ts";
import type { GradePart, GradePattern } from "./report.ts";

/** The verdict on one gradient check, as a report part plus the data for the plot. */
export interface GradVerdict {
  part: Omit<GradePart, "name">;
  pattern: GradePattern | null;
  pairs: Pair[];
}

const bandRank: Record<GradBand, number> = { good: 0, acceptable: 1, suspicious: 2, wrong: 3 };

/**
 * Margin relative to a parameter's largest gradient within which a suspicious
 * element is judged good (see `sharpen`).
 */
const SCALE_TOL = 1e-7;

/**
 * A second opinion on the elements the checker found suspicious, before they
 * count against the learner. Central differences carry their own error
 * (truncation h²·|f‴|/6 plus rounding), so a tiny gradient can show a relative
 * error above 1e-7 while agreeing to 1e-11. Such an element is judged good when
 * - |a − n| ≤ SCALE_TOL × the largest |numeric| of its parameter (a real
 *   mistake is off by a visible fraction of the gradient's scale), or
 * - central differences at 2h and h/2 (the library's `numericGradient`) show
 *   the numeric value is itself that uncertain: the learner's value lies within
 *   the range of the three estimates widened by their spread, or agrees to
 *   1e-7 with the Richardson estimate (4·D(h/2) − D(h))/3. Rounding noise that
 *   the checker's |f|-based estimate misses (a loss near 0 computed from terms
 *   of size 1) and truncation error both show up as spread.
 * A sign flip, a factor 2 or a missing term stays far outside either margin.
 * Elements in the "wrong" band (> 1e-2) are never re-judged. Returns a copy
 * with bands, maxima, the worst element and `ok` recomputed.
 * @param targets the checked matrices by name (parameters, or inputs with a checked gradient).
 * @param loss the loss the check used (reads the targets).
 */
export async function sharpen(rep: GradCheckReport, targets: ReadonlyMap<string, Matrix>, loss: () => number): Promise<GradCheckReport> {
  const elements = rep.elements;
  if (!elements || elements.length === 0 || rep.problems.length > 0) return rep;
  const scale = new Map<string, number>();
  for (const e of elements) scale.set(e.param, Math.max(scale.get(e.param) ?? 0, Math.abs(e.numeric)));
  const rejudged = new Set<GradCheckElement>();
  let els = elements.map((e) => {
    if (e.band !== "suspicious" || !(Math.abs(e.analytic - e.numeric) <= SCALE_TOL * (scale.get(e.param) ?? 0))) return e;
    const c = { ...e, band: "good" as GradBand };
    rejudged.add(c);
    return c;
  });
  // Two more central differences of the same loss, at 2h and h/2: how much they
  // disagree measures the numeric gradient's own error (truncation and rounding alike).
  const more = new Map<string, [Matrix, Matrix]>();
  for (const name of new Set(els.filter((e) => e.band === "suspicious").map((e) => e.param))) {
    const x = targets.get(name);
    if (x) more.set(name, [numericGradient(loss, x, rep.h * 2), numericGradient(loss, x, rep.h / 2)]);
    await cooperate();
  }
  els = els.map((e) => {
    const m = more.get(e.param);
    if (e.band !== "suspicious" || !m) return e;
    const k = e.index[0] * m[0].cols + e.index[1];
    const estimates = [m[0].data[k], e.numeric, m[1].data[k]];
    const lo = Math.min(...estimates), hi = Math.max(...estimates), spread = hi - lo;
    const richardson = (4 * m[1].data[k] - e.numeric) / 3;
    const error = relativeError(e.analytic, richardson);
    const withinSpread = e.analytic >= lo - spread && e.analytic <= hi + spread;
    if (!(error <= 1e-7 || withinSpread)) return e;
    const c = { ...e, error, band: "good" as GradBand };
    rejudged.add(c);
    return c;
  });
  if (rejudged.size === 0) return rep;
  const counted = (e: GradCheckElement): boolean => !e.withinNoise && !rejudged.has(e);
  const summary = (list: readonly GradCheckElement[]) => {
    let band: GradBand = "good", maxError = 0, sum = 0, n = 0;
    let worst: GradCheckElement | null = null;
    for (const e of list) {
      if (bandRank[e.band] > bandRank[band]) band = e.band;
      if (!counted(e)) continue;
      sum += e.error;
      n++;
      if (worst === null || e.error > maxError) {
        maxError = e.error;
        worst = e;
      }
    }
    return { band, maxError, meanError: n ? sum / n : 0, worst };
  };
  const all = summary(els);
  const perParam = rep.perParam.map((p) => {
    const s = summary(els.filter((e) => e.param === p.name));
    return { ...p, band: s.band, maxError: s.maxError, meanError: s.meanError };
  });
  return {
    ...rep, elements: els, perParam, band: all.band, maxError: all.maxError, meanError: all.meanError, worst: all.worst ?? rep.worst,
    ok: bandRank[all.band] <= bandRank.acceptable,
  };
}

/**
 * Judges a `checkGradients` report run with `keepElements: true` (pass it
 * through `sharpen` first).
 * @param gradName the learner's name of each checked target's gradient, e.g. `{ W1: "dW1", x: "dX" }`.
 * @param batchSize for the 1/N patterns.
 * @param input how the instance reads in messages, e.g. `"batch of 4: x 4x3"`.
 * @param explain a check's own, more specific explanation of a wrong target, tried before the generic patterns.
 */
export function judgeGradients(
  rep: GradCheckReport,
  gradName: Readonly<Record<string, string>>,
  batchSize: number,
  input: string,
  lang: Lang,
  explain?: (target: string) => PatternFinding | null,
): GradVerdict {
  const elements = rep.elements ?? [];
  const pairs = elements.map((e) => ({ a: e.analytic, n: e.numeric }));
  const nameOf = (p: string): string => gradName[p] ?? p;
  const all = list(rep.perParam.map((p) => nameOf(p.name)), lang);
  if (rep.ok) {
    return {
      part: {
        passed: true,
        message: rep.maxError === 0 && rep.withinNoise > 0
          ? t(G.gradAllNoise, lang, { names: all })
          : t(G.gradAll, lang, { names: all, error: err(rep.maxError), band: bandName(rep.band, lang) }),
        maxError: rep.maxError, band: rep.band,
      },
      pattern: null, pairs,
    };
  }
  if (rep.problems.length > 0 || !rep.worst) {
    return { part: { passed: false, message: t(G.gradUnfinished, lang, { problems: rep.problems.join("; ") }), band: "wrong", where: { input } }, pattern: null, pairs };
  }
  // Per target: does a known pattern explain it?
  const bad = rep.perParam.filter((p) => p.band === "suspicious" || p.band === "wrong");
  const good = rep.perParam.filter((p) => !bad.includes(p));
  const findings = new Map<string, PatternFinding | "transposed" | null>();
  for (const p of bad) {
    const own = elements.filter((e) => e.param === p.name);
    let f: PatternFinding | "transposed" | null = explain?.(p.name) ?? detectPattern(own.map((e) => ({ a: e.analytic, n: e.numeric })), lang, batchSize);
    if (!f && own.length === p.total) {
      const [r, c] = p.shape.split("x").map(Number);
      const a = new Matrix(r, c), n = new Matrix(r, c);
      for (const e of own) {
        a.data[e.index[0] * c + e.index[1]] = e.analytic;
        n.data[e.index[0] * c + e.index[1]] = e.numeric;
      }
      if (isTransposeOf(a, n)) f = "transposed";
    }
    findings.set(p.name, f);
  }
  // Show the worst element among the wrong targets.
  const w = rep.worst;
  const worstName = nameOf(w.param);
  const f = findings.get(w.param) ?? null;
  const cause = f === "transposed"
    ? t(G.gradTransposed, lang, { name: worstName })
    : f ? f.text : undefined;
  let message = t(G.gradWorst, lang, { place: at(worstName, w.index), yours: num(w.analytic), numeric: num(w.numeric), error: err(w.error), band: bandName(w.band, lang) });
  if (good.length > 0 && bad.length > 0) {
    const names = { good: list(good.map((p) => nameOf(p.name)), lang), bad: list(bad.map((p) => nameOf(p.name)), lang), goodMany: good.length > 1 };
    const space = lang === "en" ? " " : "";
    message += space + (bad.length === 1
      ? t(G.gradRightOne, lang, names)
      : t(G.gradRightMany, lang, { ...names, errors: bad.map((p) => `${nameOf(p.name)} ${err(p.maxError)}`).join(", ") }));
  }
  let pattern: GradePattern | null = f === "transposed" ? "transposed" : f ? f.pattern : null;
  if (!pattern) {
    for (const g of findings.values()) {
      if (g) {
        pattern = g === "transposed" ? "transposed" : g.pattern;
        break;
      }
    }
  }
  return {
    part: { passed: false, message, cause, where: { param: worstName, index: [...w.index], input }, maxError: rep.maxError, band: rep.band },
    pattern, pairs,
  };
}

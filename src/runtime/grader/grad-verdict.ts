/**
 * Turning the library's gradient-check report into what a learner reads:
 * which gradient is wrong, at which element, by how much, and — when the
 * numbers show it — why (sign, factor 2, missing 1/N, transposed).
 */
import type { GradCheckReport } from "../../nn/gradcheck.ts";
import { Matrix } from "../../nn/matrix.ts";
import { at, err, list, num } from "./format.ts";
import { detectPattern, isTransposeOf, type Pair, type PatternFinding } from "./patterns.ts";
import type { GradePart, GradePattern } from "./report.ts";

/** The verdict on one gradient check, as a report part plus the data for the plot. */
export interface GradVerdict {
  part: Omit<GradePart, "name">;
  pattern: GradePattern | null;
  pairs: Pair[];
}

/**
 * Judges a `checkGradients` report run with `keepElements: true`.
 * @param gradName the learner's name of each checked target's gradient, e.g. `{ W1: "dW1", x: "dX" }`.
 * @param batchSize for the 1/N patterns.
 * @param input how the instance reads in messages, e.g. `"batch of 4: x 4x3"`.
 */
export function judgeGradients(rep: GradCheckReport, gradName: Readonly<Record<string, string>>, batchSize: number, input: string): GradVerdict {
  const elements = rep.elements ?? [];
  const pairs = elements.map((e) => ({ a: e.analytic, n: e.numeric }));
  const nameOf = (p: string): string => gradName[p] ?? p;
  const all = list(rep.perParam.map((p) => nameOf(p.name)));
  if (rep.ok) {
    return {
      part: {
        passed: true,
        message: `${all}: every element matches central differences (max relative error ${err(rep.maxError)}, ${rep.band}).`,
        maxError: rep.maxError, band: rep.band,
      },
      pattern: null, pairs,
    };
  }
  if (rep.problems.length > 0 || !rep.worst) {
    return { part: { passed: false, message: `the gradient check could not finish: ${rep.problems.join("; ")}.`, band: "wrong", where: { input } }, pattern: null, pairs };
  }
  // Per target: does a known pattern explain it?
  const bad = rep.perParam.filter((p) => p.band === "suspicious" || p.band === "wrong");
  const good = rep.perParam.filter((p) => !bad.includes(p));
  const findings = new Map<string, PatternFinding | "transposed" | null>();
  for (const p of bad) {
    const own = elements.filter((e) => e.param === p.name);
    let f: PatternFinding | "transposed" | null = detectPattern(own.map((e) => ({ a: e.analytic, n: e.numeric })), batchSize);
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
  const why = f === "transposed"
    ? `: ${worstName} is the transpose of the right gradient (swap the order of the product, or transpose the other factor)`
    : f ? `: ${f.text}` : "";
  let message = `${at(worstName, w.index)}: yours is ${num(w.analytic)}, central differences give ${num(w.numeric)} (relative error ${err(w.error)}, ${w.band})${why}.`;
  if (good.length > 0 && bad.length > 0) {
    message += ` ${list(good.map((p) => nameOf(p.name)))} ${good.length === 1 ? "is" : "are"} right; ${list(bad.map((p) => nameOf(p.name)))} ${bad.length === 1 ? "is" : "are"} not` +
      (bad.length === 1 ? "." : ` (max relative error ${bad.map((p) => `${nameOf(p.name)} ${err(p.maxError)}`).join(", ")}).`);
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
    part: { passed: false, message, where: { param: worstName, index: [...w.index], input }, maxError: rep.maxError, band: rep.band },
    pattern, pairs,
  };
}

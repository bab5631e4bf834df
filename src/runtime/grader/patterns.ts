/**
 * Cheap recognition of the classic wrong answers from learner values a and
 * reference values n: all zeros, a ≈ −n (sign), a ≈ 2n or n/2 (factor 2),
 * a ≈ N·n or n/N (a missing or doubled 1/N for a batch of N), a ≈ c·n
 * (another constant), a ≈ nᵀ (transposed). A pattern is only claimed when
 * it explains every compared element, so a message never guesses.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import type { Matrix } from "../../nn/matrix.ts";
import { num } from "./format.ts";
import type { GradePattern } from "./report.ts";

/** A learner value and the reference value it should equal. */
export interface Pair {
  a: number;
  n: number;
}

/** A recognised mistake: its name, the fitted factor a/n and a clause that explains it. */
export interface PatternFinding {
  pattern: GradePattern;
  factor: number;
  text: string;
}

/**
 * How closely a pattern must fit. Loose enough for central differences where f is
 * nearly flat (only a few digits survive the cancellation), tight enough that a
 * constant factor is told apart from a merely wrong answer.
 */
const FIT_TOL = 1e-3;

/**
 * The pattern that explains all pairs, or null.
 * @param batchSize N for the 1/N patterns (ignored when 1).
 */
export function detectPattern(pairs: readonly Pair[], lang: Lang, batchSize = 1): PatternFinding | null {
  const ps = pairs.filter((p) => Number.isFinite(p.a) && Number.isFinite(p.n));
  if (ps.length === 0) return null;
  let maxN = 0, maxA = 0;
  for (const p of ps) {
    maxN = Math.max(maxN, Math.abs(p.n));
    maxA = Math.max(maxA, Math.abs(p.a));
  }
  if (maxN < 1e-12) return null;
  if (maxA <= 1e-9 * maxN) {
    return { pattern: "zeros", factor: 0, text: t(G.patZeros, lang) };
  }
  let an = 0, nn = 0;
  for (const p of ps) {
    an += p.a * p.n;
    nn += p.n * p.n;
  }
  const r = an / nn;
  let worst = 0;
  for (const p of ps) worst = Math.max(worst, Math.abs(p.a - r * p.n));
  if (worst > FIT_TOL * Math.max(maxA, Math.abs(r) * maxN)) return null;
  const near = (c: number): boolean => Math.abs(r - c) <= FIT_TOL * Math.abs(c);
  if (near(1)) return null;
  if (near(-1)) return { pattern: "sign-flipped", factor: -1, text: t(G.patSign, lang) };
  const N = batchSize;
  if (N > 2 && near(N)) return { pattern: "missing-1/N", factor: r, text: t(G.patMissing1N, lang, { n: N }) };
  if (N > 2 && near(1 / N)) return { pattern: "extra-1/N", factor: r, text: t(G.patExtra1N, lang, { n: N }) };
  if (near(2)) return { pattern: "factor-2", factor: 2, text: t(G.patFactor2, lang) };
  if (near(0.5)) return { pattern: "half", factor: 0.5, text: t(G.patHalf, lang) };
  if (near(-2) || near(-0.5)) {
    return { pattern: "sign-flipped", factor: r, text: t(G.patSignFactor, lang, { r: num(r) }) };
  }
  // Any ratio fits one or two points: claim a general constant only when several agree.
  let informative = 0;
  for (const p of ps) if (Math.abs(p.n) > 1e-3 * maxN) informative++;
  if (informative < 3) return null;
  return { pattern: "scaled", factor: r, text: t(G.patScaled, lang, { r: num(r) }) };
}

/** Pairs of corresponding elements of two same-shaped matrices. */
export function pairsOf(a: Matrix, n: Matrix): Pair[] {
  const out: Pair[] = [];
  for (let k = 0; k < a.data.length; k++) out.push({ a: a.data[k], n: n.data[k] });
  return out;
}

/** Whether a (square) equals nᵀ to the fitting tolerance while it does not equal n. */
export function isTransposeOf(a: Matrix, n: Matrix): boolean {
  if (a.rows !== a.cols || a.rows !== n.rows || n.cols !== n.rows || a.rows < 2) return false;
  let maxN = 0, worst = 0, plain = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const v = a.data[i * a.cols + j];
      maxN = Math.max(maxN, Math.abs(n.data[i * n.cols + j]));
      worst = Math.max(worst, Math.abs(v - n.data[j * n.cols + i]));
      plain = Math.max(plain, Math.abs(v - n.data[i * n.cols + j]));
    }
  }
  return maxN > 0 && worst <= FIT_TOL * maxN && plain > FIT_TOL * maxN;
}

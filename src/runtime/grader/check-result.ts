/**
 * What one check kind hands back to `grade.ts`, and the small helpers every
 * kind uses to turn its findings into report parts.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t, type Message } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import type { Rng } from "../../nn/rng.ts";
import type { LearnerFn } from "./call.ts";
import { GradeTimeout, isInterrupted, LearnerFailure } from "./failure.ts";
import type { GradeComparison, GradePart, GradePattern, GradeProblem } from "./report.ts";

/** Everything a check needs besides its spec. */
export interface CheckContext {
  /** The seeded source of every random point and shape. */
  rng: Rng;
  seed: number;
  learner: LearnerFn;
  /** Every entry the exercise names, by name (same budget as `learner`); a train check calls two. */
  entries: Readonly<Record<string, LearnerFn>>;
  /** The language of the report. */
  lang: Lang;
  /** An exercise string (case label, stability note…) in the report's language (its edition's `text` map). */
  text(s: string): string;
}

/** The findings of one check kind. */
export interface CheckResult {
  parts: GradePart[];
  comparison?: GradeComparison;
  /** The contract failure (NaN, shape, exception…) of the first failed part, if it is one. */
  problem: GradeProblem | null;
  /** The first recognised numeric mistake (sign flipped, factor 2…). */
  pattern: GradePattern | null;
  /** One clause for the headline when everything passed, e.g. "matches central differences to 3e-11". */
  summary: string;
}

/** What a broken contract means, in the words of a headline (the part's message gives the details). */
export const PROBLEM_CAUSE: Readonly<Record<GradeProblem, Message>> = {
  nan: G.causeNan,
  infinity: G.causeInfinity,
  shape: G.causeShape,
  exception: G.causeException,
  missing: G.causeMissing,
  "mutated-input": G.causeMutated,
  accumulates: G.causeAccumulates,
  timeout: G.causeTimeout,
  gradient: G.causeGradient,
};

/** Collects parts, keeping the first problem and pattern. */
export class PartList {
  readonly parts: GradePart[] = [];
  readonly #lang: Lang;
  constructor(lang: Lang) {
    this.#lang = lang;
  }
  problem: GradeProblem | null = null;
  pattern: GradePattern | null = null;

  add(part: GradePart, problem?: GradeProblem | null, pattern?: GradePattern | null): void {
    // The problem is that of the first failed part, as the headline: a part that failed on
    // its numbers first (say, a batch of ordinary inputs) is not overridden by a NaN later.
    const firstFailure = !part.passed && this.parts.every((p) => p.passed);
    this.parts.push(part);
    if (problem && firstFailure) this.problem = problem;
    if (pattern && !this.pattern) this.pattern = pattern;
  }

  /**
   * Runs one part; a LearnerFailure becomes a failed part with its message.
   * Stop (Interrupted) and time-outs propagate: they end grading.
   */
  async run(name: string, body: () => Promise<Omit<GradePart, "name">> | Omit<GradePart, "name">): Promise<boolean> {
    try {
      const p = await body();
      this.add({ name, ...p }, null, null);
      return p.passed;
    } catch (e) {
      if (isInterrupted(e) || e instanceof GradeTimeout) throw e;
      if (e instanceof LearnerFailure) {
        this.add({ name, passed: false, message: e.message, where: e.where, cause: e.cause ?? t(PROBLEM_CAUSE[e.problem], this.#lang) }, e.problem, e.pattern ?? null);
        return false;
      }
      throw e;
    }
  }

  /** Records a part whose failure carries a recognised pattern. */
  addFailed(part: Omit<GradePart, "passed">, pattern: GradePattern | null): void {
    this.add({ ...part, passed: false }, null, pattern);
  }

  get passed(): boolean {
    return this.parts.every((p) => p.passed);
  }
}

/** Whole integers in [lo, hi]. */
export function drawInt(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return lo + rng.int(hi - lo + 1);
}

/** The batch sizes of one grading (a fixed size, or one drawn from a range). */
export function drawBatches(rng: Rng, spec: readonly (number | readonly [number, number])[] | undefined): number[] {
  return (spec ?? [1, [2, 6] as const]).map((b) => (typeof b === "number" ? b : drawInt(rng, b)));
}

/**
 * Runs a part's body; in a part about numerical stability, NaN or Infinity
 * from the learner is reported with the stability cause (an algebraically
 * equal but naive formula is exactly what produces them there).
 */
export async function withCause<T>(cause: string | undefined, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (cause && e instanceof LearnerFailure && (e.problem === "nan" || e.problem === "infinity")) e.cause = cause;
    throw e;
  }
}

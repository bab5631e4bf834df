/**
 * How a check stops early. A learner's answer that breaks the contract (throws,
 * returns NaN or the wrong shape, changes its input, gives different results
 * for the same input) raises a `LearnerFailure` carrying the message the
 * learner will read; the check's part fails with it and the next part runs.
 * Running out of the time budget raises `GradeTimeout`, which ends grading.
 */
import type { GradePattern, GradeProblem, GradeWhere } from "./report.ts";

/** The learner's code broke the function's contract; `message` is what the learner reads. */
export class LearnerFailure extends Error {
  readonly problem: GradeProblem;
  readonly where?: GradeWhere;
  readonly pattern?: GradePattern;
  /** The cause for the headline, when more specific than the problem's own (e.g. "not numerically stable"). */
  cause?: string;
  constructor(problem: GradeProblem, message: string, where?: GradeWhere, pattern?: GradePattern, cause?: string) {
    super(message);
    this.cause = cause;
    this.name = "LearnerFailure";
    this.problem = problem;
    this.where = where;
    this.pattern = pattern;
  }
}

/** The learner's code used up the exercise's time budget. */
export class GradeTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GradeTimeout";
  }
}

/** Whether an error is the runtime's Stop (it must propagate, never be graded). */
export function isInterrupted(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === "Interrupted";
}

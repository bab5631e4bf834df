/**
 * What the grader tells the page: one plain, JSON-safe object per grading.
 *
 * The page renders it (the Exercise component); nothing in it is HTML. The
 * `headline` is the sentence a learner reads first; `parts` say which check
 * passed or failed, where and by how much; `comparison` is the data for a
 * small scatter plot of the learner's gradient against central differences.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as M from "../../i18n/messages/exercise.ts";
import type { CellError } from "../protocol.ts";

/** Band of a relative error, as in the library's gradient checker (src/ARCHITECTURE.md, "Exercises and the grader"). */
export type GradeBand = "good" | "acceptable" | "suspicious" | "wrong";

/**
 * The kind of failure that is not a numeric mismatch, when there is one (the
 * first found). `timeout`: the learner's code took longer than the exercise's
 * time limit (a synchronous infinite loop is stopped by the page's own cell
 * time limit instead, since nothing inside the worker can interrupt it).
 * `gradient`: a whole model's gradient check failed (a train check stops
 * there, before training).
 */
export type GradeProblem =
  | "nan"
  | "infinity"
  | "shape"
  | "exception"
  | "missing"
  | "mutated-input"
  | "accumulates"
  | "timeout"
  | "gradient";

/**
 * A recognised shape of a wrong numeric answer, detected cheaply from
 * analytic ≈ k · numeric (or ≈ numericᵀ). Lets the page (and the tests) say
 * *why* an answer is wrong, not only that it is. `accuracy-below`: a trained
 * model's accuracy on held-out points is below what the exercise asks.
 */
export type GradePattern =
  | "zeros"
  | "sign-flipped"
  | "factor-2"
  | "half"
  | "missing-1/N"
  | "extra-1/N"
  | "transposed"
  | "forgot-upstream"
  | "scaled"
  | "diverges"
  | "no-progress"
  | "accuracy-below"
  // An update rule: w is stepped with the state passed in instead of the state just updated.
  | "old-state"
  // A mini-batch iterator (batches check): what is wrong with its batches.
  | "missing-index"
  | "repeated-index"
  | "drops-last-batch"
  | "pads-last-batch"
  | "wrong-batch-size"
  | "not-shuffled"
  | "same-every-epoch"
  | "not-reproducible";

/** Where a part failed: a parameter and element index, and/or a description of the input. */
export interface GradeWhere {
  /** Parameter or output name, e.g. `"dW1"` or `"dX"`. */
  param?: string;
  /** Element index, e.g. `[1, 0]` (row, column); `[k]` for the k-th point of a scalar check. */
  index?: number[];
  /** The input that showed the failure, e.g. `"z = 812.3"` or `"x: 1x4, dOut: 1x4"`. */
  input?: string;
}

/** One check of an exercise (e.g. "batch of 1", "large inputs", "reduces the loss"). */
export interface GradePart {
  /** Short name of the check, shown as a list item. */
  name: string;
  passed: boolean;
  /** One or two sentences: what was checked, or what went wrong and what to try. Plain text. */
  message: string;
  where?: GradeWhere;
  /** Largest relative error found by this part (absent when the part did not get to compare numbers). */
  maxError?: number;
  band?: GradeBand;
  /**
   * Why it failed, in a few words ("the sign is flipped", "not numerically
   * stable: …"), when the grader recognised it. The headline says it; the
   * message then gives only the facts (where, which values), so the cause is
   * said once.
   */
  cause?: string;
}

/** Points for a scatter plot: the learner's values against the reference (central differences or nn). */
export interface GradeComparison {
  /** What is plotted, e.g. `"tanhPrime(z): numerical gradient vs yours"`. */
  label: string;
  /** What the y values are, for the plot's axis: `"numerical gradient"` (central differences) or `"reference"`. */
  reference?: "numerical gradient" | "reference";
  /** The learner's values (the plot's y axis). At most 200 points. */
  analytic: number[];
  /** The reference values (x axis), same length: a correct answer lies on the diagonal. */
  numeric: number[];
}

/** The result of grading one exercise at one seed. Sent to the page as a `grade-report` message (protocol.ts). */
export interface GradeReport {
  /** The exercise graded, as given to the grader (e.g. `"02-activation-functions/tanh-derivative"`). */
  exerciseId: string;
  passed: boolean;
  /** The seed every random point and shape was drawn from; grading again with it repeats exactly. */
  seed: number;
  /** One sentence a learner reads first. */
  headline: string;
  parts: GradePart[];
  comparison?: GradeComparison;
  /** The non-numeric failure of the first failed part, or null when it failed on its numbers (or passed). */
  problem?: GradeProblem | null;
  /** The recognised pattern of a wrong numeric answer, when one was detected. */
  pattern?: GradePattern | null;
  /** Time spent grading, in milliseconds. */
  elapsedMs?: number;
}

/** Upper bound on points in `comparison` (a small scatter plot needs no more). */
export const MAX_COMPARISON_POINTS = 200;

/**
 * A cell error as the verdict shows it: a syntax error with its line (and
 * column) in the reader's code, so a Check that cannot run says where.
 */
export function errorText(e: CellError | undefined, lang: Lang = "en"): string | undefined {
  if (!e) return undefined;
  const place = e.line ? (e.column ? t(M.lineColumn, lang, { line: e.line, column: e.column }) : t(M.line, lang, { line: e.line })) : "";
  const syntax = e.phase === "syntax" || e.name === "SyntaxError";
  if (syntax) return place ? t(M.syntaxErrorAt, lang, { place, message: e.message }) : t(M.syntaxError, lang, { message: e.message });
  return place ? t(M.errorAt, lang, { place, message: e.message }) : e.message;
}

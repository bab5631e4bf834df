/**
 * Calling the learner's function under the contract every exercise shares:
 * it must not throw, must finish within the time budget, must not change its
 * inputs, must return a value of the right kind and shape without NaN or
 * Infinity, and must give the same result when called twice with the same
 * input (a gradient that accumulates across calls does not).
 * Each breach raises a `LearnerFailure` whose message says what happened, for
 * which input, and what to do instead.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { Matrix } from "../../nn/matrix.ts";
import { GradeTimeout, isInterrupted, LearnerFailure } from "./failure.ts";
import { at, distinct, kindOf, num, rowCol } from "./format.ts";

/** The learner's function and the grading budget. */
export interface LearnerFn {
  name: string;
  fn: (...args: unknown[]) => unknown;
  /** performance.now() after which grading stops with a time-out. */
  deadline: number;
  limitMs: number;
  /** The language of the report. */
  lang: Lang;
}

/** A named argument (a Matrix or a number). */
export interface Arg {
  name: string;
  value: unknown;
}

function isMatrixLike(v: unknown): v is { rows: number; cols: number; data: ArrayLike<number> } {
  const m = v as { rows?: unknown; cols?: unknown; data?: unknown } | null;
  return !!m && typeof m === "object" && typeof m.rows === "number" && typeof m.cols === "number" &&
    !!m.data && typeof (m.data as ArrayLike<number>).length === "number";
}

/** A copy of a matrix (the grader's own class, whatever the learner's code returned). */
export function copyMatrix(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, Float64Array.from(m.data));
}

/** Index of the first element where a and b differ (NaN equals NaN), or −1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k] && !(Number.isNaN(a[k]) && Number.isNaN(b[k]))) return k;
  }
  return -1;
}

/**
 * Calls the learner's function once. Checks exceptions, the time budget, a
 * returned Promise and whether any Matrix argument was changed.
 * @param input how the input reads in messages, e.g. `"z = 812.3"`.
 */
export function invoke(l: LearnerFn, args: readonly Arg[], input: string): unknown {
  const snaps = args.map((a) => (isMatrixLike(a.value) ? Float64Array.from(a.value.data) : Array.isArray(a.value) ? Float64Array.from(a.value as number[]) : null));
  let out: unknown;
  try {
    out = l.fn(...args.map((a) => a.value));
  } catch (e) {
    if (isInterrupted(e)) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LearnerFailure("exception", t(G.threw, l.lang, { fn: l.name, error: text, input }), { input });
  }
  if (performance.now() > l.deadline) {
    throw new GradeTimeout(t(G.timeBudget, l.lang, { fn: l.name, s: l.limitMs / 1000, input }));
  }
  if (out && typeof (out as Promise<unknown>).then === "function") {
    throw new LearnerFailure("shape", t(G.returnedPromise, l.lang, { fn: l.name }), { input });
  }
  args.forEach((a, n) => {
    const snap = snaps[n];
    if (!snap) return;
    const isArray = Array.isArray(a.value);
    const data = isArray ? (a.value as number[]) : (a.value as Matrix).data;
    const k = data.length !== snap.length ? Math.min(data.length, snap.length) : firstDifference(data, snap);
    if (k >= 0) {
      const idx = isArray ? [k] : rowCol(k, (a.value as Matrix).cols);
      if (k >= data.length || k >= snap.length) {
        throw new LearnerFailure("mutated-input", t(G.changedLength, l.lang, { fn: l.name, arg: a.name, from: snap.length, to: data.length, input }), { param: a.name, input });
      }
      const [was, now] = distinct(snap[k], data[k]);
      throw new LearnerFailure(
        "mutated-input",
        t(isArray ? G.changedArray : G.changedMatrix, l.lang, { fn: l.name, arg: a.name, place: at(a.name, idx), was, now, input }),
        { param: a.name, index: idx, input },
      );
    }
  });
  return out;
}

/** How to read and compare one kind of result. */
export interface ResultReader<T> {
  read(out: unknown, input: string): T;
  /** The first difference between two results, as text with its place, or null when identical. */
  diff(a: T, b: T): { text: string; where: { param?: string; index?: number[] } } | null;
}

/**
 * Calls the learner twice on fresh copies of the same input and insists on
 * identical results: catches answers that keep state (a running sum, a cache
 * keyed on the wrong thing) from one call to the next.
 * @param makeArgs builds the arguments (fresh copies each time it is called).
 */
export function invokeTwice<T>(l: LearnerFn, makeArgs: () => Arg[], input: string, reader: ResultReader<T>): T {
  const first = readResult(l, reader, invoke(l, makeArgs(), input), input);
  const second = readResult(l, reader, invoke(l, makeArgs(), input), input);
  const d = reader.diff(first, second);
  if (d) {
    throw new LearnerFailure("accumulates", t(G.twiceDiffer, l.lang, { fn: l.name, diff: d.text, input }), { ...d.where, input });
  }
  return first;
}

/**
 * Reads a result; an error while reading it (a getter that throws, a strange
 * object) is the returned value's fault, so it is reported as such rather
 * than as a failure of the grader.
 */
export function readResult<T>(l: LearnerFn, reader: ResultReader<T>, out: unknown, input: string): T {
  try {
    return reader.read(out, input);
  } catch (e) {
    if (e instanceof LearnerFailure || isInterrupted(e)) throw e;
    throw new LearnerFailure("shape", t(G.unreadable, l.lang, { fn: l.name, error: e instanceof Error ? e.message : String(e), input }), { input });
  }
}

/** Reads a number result: NaN, Infinity and non-numbers fail with their own messages. */
export function numberReader(l: LearnerFn, advice = t(G.adviceOverflow, l.lang)): ResultReader<number> {
  return {
    read(out, input) {
      if (typeof out !== "number") throw new LearnerFailure("shape", t(G.notNumber, l.lang, { fn: l.name, kind: kindOf(out, l.lang), input }), { input });
      if (Number.isNaN(out)) throw new LearnerFailure("nan", t(G.returnedNaN, l.lang, { fn: l.name, input, advice }), { input });
      if (!Number.isFinite(out)) throw new LearnerFailure("infinity", t(G.returnedInf, l.lang, { fn: l.name, value: num(out), input, advice }), { input });
      return out;
    },
    diff(a, b) {
      if (a === b) return null;
      const [sa, sb] = distinct(a, b);
      return { text: t(G.firstSecond, l.lang, { a: sa, b: sb }), where: {} };
    },
  };
}

/** What a returned matrix must look like. */
export interface MatrixExpectation {
  /** Its name in messages, e.g. `"dX"`. */
  name: string;
  rows: number;
  cols: number;
  /** What its shape must match, e.g. `"x"` (for "the shape of x"). */
  like: string;
  /** Advice after a NaN or Infinity. */
  advice?: string;
}

/**
 * Converts a returned value to a Matrix of the expected shape (accepting any
 * {rows, cols, data} or nested arrays), or fails: not a matrix, wrong shape
 * (saying when it is the transpose), NaN or Infinity (saying where).
 */
export function readMatrix(l: LearnerFn, out: unknown, e: MatrixExpectation, input: string): Matrix {
  let m: Matrix;
  if (isMatrixLike(out)) {
    if (out.data.length !== out.rows * out.cols) {
      throw new LearnerFailure("shape", t(G.holdsWrongCount, l.lang, { name: e.name, rows: out.rows, cols: out.cols, length: out.data.length, input }), { param: e.name, input });
    }
    m = new Matrix(out.rows, out.cols, Float64Array.from(out.data));
  } else if (Array.isArray(out) && out.length > 0 && Array.isArray(out[0])) {
    try {
      m = Matrix.from(out as number[][]);
    } catch (err) {
      throw new LearnerFailure("shape", t(G.notProperMatrix, l.lang, { name: e.name, error: (err as Error).message, input }), { param: e.name, input });
    }
  } else {
    throw new LearnerFailure("shape", t(G.notMatrix, l.lang, { fn: l.name, kind: kindOf(out, l.lang), name: e.name, rows: e.rows, cols: e.cols, input }), { param: e.name, input });
  }
  if (m.rows !== e.rows || m.cols !== e.cols) {
    const transposed = m.rows === e.cols && m.cols === e.rows;
    const shape = { name: e.name, shape: m.shape, rows: e.rows, cols: e.cols, like: e.like };
    throw new LearnerFailure(
      "shape",
      transposed ? t(G.wrongShapeTransposed, l.lang, shape) : t(G.wrongShape, l.lang, { ...shape, input }),
      { param: e.name, input },
      transposed ? "transposed" : undefined,
      transposed ? t(G.transposedCause, l.lang, { name: e.name }) : undefined,
    );
  }
  for (let k = 0; k < m.data.length; k++) {
    const v = m.data[k];
    if (!Number.isFinite(v)) {
      const idx = rowCol(k, m.cols);
      const advice = e.advice ?? t(G.adviceNaN, l.lang);
      throw new LearnerFailure(Number.isNaN(v) ? "nan" : "infinity", t(G.elementIs, l.lang, { place: at(e.name, idx), value: num(v), input, advice }), { param: e.name, index: idx, input });
    }
  }
  return m;
}

/** Compares two matrices exactly; the difference names the element. */
export function diffMatrix(name: string, a: Matrix, b: Matrix, lang: Lang): { text: string; where: { param: string; index: number[] } } | null {
  const k = firstDifference(a.data, b.data);
  if (k < 0) return null;
  const idx = rowCol(k, a.cols);
  const [sa, sb] = distinct(a.data[k], b.data[k]);
  return { text: t(G.elementFirstSecond, lang, { place: at(name, idx), a: sa, b: sb }), where: { param: name, index: idx } };
}

/** A reader of one returned matrix. */
export function matrixReader(l: LearnerFn, e: MatrixExpectation): ResultReader<Matrix> {
  return {
    read: (out, input) => readMatrix(l, out, e, input),
    diff: (a, b) => diffMatrix(e.name, a, b, l.lang),
  };
}

/** A reader of an object of named matrices (e.g. `{ dW1, db1 }`), each with its expectation. */
export function namedMatricesReader(l: LearnerFn, expect: readonly MatrixExpectation[]): ResultReader<Record<string, Matrix>> {
  return {
    read(out, input) {
      const names = expect.map((e) => e.name).join(", ");
      if (!out || typeof out !== "object" || Array.isArray(out)) {
        throw new LearnerFailure("shape", t(G.notObjectOf, l.lang, { fn: l.name, kind: kindOf(out, l.lang), names, input }), { input });
      }
      const o = out as Record<string, unknown>;
      const res: Record<string, Matrix> = {};
      for (const e of expect) {
        if (!(e.name in o) || o[e.name] === undefined) {
          throw new LearnerFailure("shape", t(G.returnedNo, l.lang, { fn: l.name, name: e.name, names, input }), { param: e.name, input });
        }
        res[e.name] = readMatrix(l, o[e.name], e, input);
      }
      return res;
    },
    diff(a, b) {
      for (const e of expect) {
        const d = diffMatrix(e.name, a[e.name], b[e.name], l.lang);
        if (d) return d;
      }
      return null;
    },
  };
}

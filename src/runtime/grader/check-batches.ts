/**
 * (f) A shuffling mini-batch iterator `fn(n, batchSize, rng, epochs)` that
 * returns, epoch after epoch, the batches of example indices (an array of
 * arrays, or any iterable of iterables such as a generator).
 *
 * For each case (n and batchSize drawn from the spec) and each epoch, in this
 * order, the first failure ends the case's part:
 * 1. the value is a list of lists of integers;
 * 2. there are epochs · ⌈n / B⌉ batches, and each epoch's batches together hold
 *    0…n−1 exactly once (missing and repeated indices are named by value; a
 *    dropped or padded last batch is recognised);
 * 3. every batch has B indices except the last of each epoch, which has the
 *    rest (n mod B when B does not divide n);
 * 4. the order is shuffled (not 0…n−1, for n ≥ 8) and differs between epochs;
 * 5. two calls with generators made from the same seed give the same batches:
 *    a function that never draws from rng (Math.random) is "not-reproducible",
 *    one that draws from rng but still differs keeps state between calls
 *    ("accumulates").
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";
import { cooperate } from "../../nn/cooperate.ts";
import { createRng, type Rng } from "../../nn/rng.ts";
import { invoke, readResult, type LearnerFn } from "./call.ts";
import { drawInt, PartList, type CheckContext, type CheckResult } from "./check-result.ts";
import type { BatchesCheck, BatchesCase } from "./exercise.ts";
import { LearnerFailure } from "./failure.ts";
import { kindOf, list } from "./format.ts";
import type { GradePart, GradePattern } from "./report.ts";

/** One drawn case. */
interface Drawn {
  n: number;
  batchSize: number;
  epochs: number;
}

/** Draws (n, B) uniformly among the pairs in range that meet `divides` (B divides n, or does not). */
export function drawBatchCase(rng: Rng, c: BatchesCase, epochs: readonly [number, number], lang: Lang = "en", label = c.label): Drawn {
  const pairs: [number, number][] = [];
  for (let n = c.n[0]; n <= c.n[1]; n++) {
    for (let b = c.batchSize[0]; b <= c.batchSize[1]; b++) {
      if (c.divides === undefined || (n % b === 0) === c.divides) pairs.push([n, b]);
    }
  }
  if (pairs.length === 0) throw new Error(t(G.noCase, lang, { label, n: c.n.join(", "), b: c.batchSize.join(", "), divides: !!c.divides }));
  const [n, batchSize] = pairs[rng.int(pairs.length)];
  return { n, batchSize, epochs: drawInt(rng, epochs) };
}

/** A generator that counts how often the learner's code draws from it. */
function countingRng(seed: number): { rng: Rng; draws: () => number } {
  const inner = createRng(seed);
  let count = 0;
  const rng: Rng = {
    seed: inner.seed,
    next: () => (count++, inner.next()),
    uniform: (lo?: number, hi?: number) => (count++, inner.uniform(lo, hi)),
    normal: (mean?: number, std?: number) => (count++, inner.normal(mean, std)),
    int: (n: number) => (count++, inner.int(n)),
    shuffle: <T>(items: T[]) => (count++, inner.shuffle(items)),
    permutation: (n: number) => (count++, inner.permutation(n)),
    fork: () => (count++, inner.fork()),
  };
  return { rng, draws: () => count };
}

function isIterable(v: unknown): v is Iterable<unknown> {
  return v !== null && typeof v === "object" && typeof (v as Iterable<unknown>)[Symbol.iterator] === "function";
}

/** Reads the returned batches as number[][] (arrays, typed arrays or any iterables; at most `cap` batches). */
function readBatches(l: LearnerFn, out: unknown, input: string, cap: number, n: number): number[][] {
  if (!isIterable(out) || typeof out === "string") {
    throw new LearnerFailure("shape", t(G.notBatchList, l.lang, { fn: l.name, kind: kindOf(out, l.lang), input }), { input });
  }
  const batches: number[][] = [];
  for (const b of out) {
    if (batches.length >= cap) {
      throw new LearnerFailure("shape", t(G.tooManyBatches, l.lang, { fn: l.name, cap, input }), { input });
    }
    if (!isIterable(b) || typeof b === "string") {
      throw new LearnerFailure("shape", t(G.batchNotList, l.lang, { j: batches.length, kind: kindOf(b, l.lang), input }), { index: [batches.length], input });
    }
    const batch: number[] = [];
    for (const v of b) {
      if (typeof v !== "number" || !Number.isInteger(v)) {
        throw new LearnerFailure("shape", t(G.batchNotIndex, l.lang, { j: batches.length, value: typeof v === "number" ? String(v) : kindOf(v, l.lang), last: n - 1, input }), { index: [batches.length, batch.length], input });
      }
      batch.push(v);
    }
    batches.push(batch);
  }
  return batches;
}

/** At most `max` values, then "…". */
function some(values: readonly number[], lang: Lang, max = 6): string {
  return values.length <= max ? list(values.map(String), lang) : t(G.someMore, lang, { shown: values.slice(0, max).join(", "), n: values.length });
}

interface Finding {
  text: string;
  pattern: GradePattern;
}

/** The expected sizes of one epoch's batches: B, …, B, then the rest. */
function expectedSizes(n: number, b: number): number[] {
  const k = Math.ceil(n / b);
  return Array.from({ length: k }, (_, j) => (j < k - 1 ? b : n - b * (k - 1)));
}

/** Batch sizes in short: "5 × 8, then 5" or "2, 3". */
function sizesText(sizes: readonly number[], lang: Lang): string {
  if (sizes.length === 0) return t(G.noBatches, lang);
  if (sizes.length === 1) return t(G.oneBatchOf, lang, { n: sizes[0] });
  if (sizes.length <= 6) return sizes.join(", ");
  const first = sizes[0];
  let run = 1;
  while (run < sizes.length && sizes[run] === first) run++;
  if (run === sizes.length) return `${run} × ${first}`;
  if (run === sizes.length - 1) return t(G.runThen, lang, { run, size: first, rest: sizes[run] });
  return t(G.manyBatches, lang, { shown: sizes.slice(0, 6).join(", "), n: sizes.length });
}

/** What is wrong with one epoch's batches, or null. */
function checkEpoch(batches: readonly number[][], d: Drawn, epoch: number, lang: Lang): Finding | null {
  const { n, batchSize: B } = d;
  const want = expectedSizes(n, B);
  const rest = n % B;
  const counts = new Array<number>(n).fill(0);
  const outside: number[] = [];
  for (const batch of batches) for (const v of batch) (v >= 0 && v < n ? counts[v]++ : outside.push(v));
  const missing = counts.flatMap((c, i) => (c === 0 ? [i] : []));
  const repeated = counts.flatMap((c, i) => (c > 1 ? [i] : []));
  const sizes = batches.map((b) => b.length);
  const allFull = sizes.every((s) => s === B);
  const e = t(G.epochN, lang, { e: epoch });
  if (rest !== 0 && allFull && batches.length === want.length - 1 && missing.length === rest && repeated.length === 0 && outside.length === 0) {
    return { pattern: "drops-last-batch", text: t(G.dropsLast, lang, { e, k: batches.length, b: B, missing: some(missing, lang), rest, n, want: want.length }) };
  }
  if (rest !== 0 && allFull && batches.length === want.length && repeated.length > 0) {
    const only = B > n ? t(G.onlyN, lang, { n }) : t(G.onlyRest, lang, { rest, n, b: B });
    return { pattern: "pads-last-batch", text: t(G.padsLast, lang, { e, b: B, only, repeated: some(repeated, lang) }) };
  }
  if (outside.length > 0) {
    const missingText = missing.length ? t(missing.length === 1 ? G.missingOne : G.missingMany, lang, { values: some(missing, lang) }) : "";
    return { pattern: "missing-index", text: t(G.outsideIndices, lang, { e, values: some(outside, lang), one: outside.length === 1, last: n - 1, missing: missingText }) };
  }
  if (missing.length > 0) {
    return { pattern: "missing-index", text: t(G.missingIndices, lang, { e, one: missing.length === 1, values: some(missing, lang), last: n - 1, stopsShort: missing.includes(n - 1) }) };
  }
  if (repeated.length > 0) {
    return { pattern: "repeated-index", text: t(G.repeatedIndices, lang, { e, one: repeated.length === 1, values: some(repeated, lang), last: n - 1 }) };
  }
  for (let j = 0; j < Math.max(sizes.length, want.length); j++) {
    if (sizes[j] !== want[j]) {
      const which = j === want.length - 1 ? t(G.lastShouldHave, lang, { n: want[j] }) : t(G.othersShouldHave, lang, { b: B });
      return { pattern: "wrong-batch-size", text: t(G.wrongBatchSize, lang, { e, j, size: sizes[j] ?? 0, which, yours: sizesText(sizes, lang), want: sizesText(want, lang) }) };
    }
  }
  return null;
}

function sameOrder(a: readonly number[][], b: readonly number[][]): boolean {
  const fa = a.flat(), fb = b.flat();
  return fa.length === fb.length && fa.every((v, i) => v === fb[i]);
}

function diffBatches(a: readonly number[][], b: readonly number[][], lang: Lang): string | null {
  if (a.length !== b.length) return t(G.countsDiffer, lang, { a: a.length, b: b.length });
  const show = (x: readonly number[]): string => `${x.slice(0, 8).join(", ")}${x.length > 8 ? ", …" : ""}`;
  for (let j = 0; j < a.length; j++) {
    if (a[j].length !== b[j].length || a[j].some((v, i) => v !== b[j][i])) return t(G.batchDiffers, lang, { j, a: show(a[j]), b: show(b[j]) });
  }
  return null;
}

/** Grades a mini-batch iterator. */
export async function checkBatches(spec: BatchesCheck, ctx: CheckContext): Promise<CheckResult> {
  const l = ctx.learner;
  const fn = l.name;
  const lang = ctx.lang;
  const parts = new PartList(lang);
  const analytic: number[] = [], numeric: number[] = [];
  for (const c of spec.cases) {
    const label = ctx.text(c.label);
    const d = drawBatchCase(ctx.rng, c, spec.epochs ?? [2, 3], lang, label);
    const seed = ctx.rng.int(2 ** 31);
    const { n, batchSize: B, epochs } = d;
    const input = t(G.batchesInput, lang, { n, b: B, epochs, label });
    const k = Math.ceil(n / B);
    const cap = 4 * epochs * k + 10;
    await parts.run(label, async () => {
      const call = (): { batches: number[][]; draws: number } => {
        const r = countingRng(seed);
        const out = invoke(l, [{ name: "n", value: n }, { name: "batchSize", value: B }, { name: "rng", value: r.rng }, { name: "epochs", value: epochs }], input);
        return { batches: readResult(l, { read: (o, i) => readBatches(l, o, i, cap, n), diff: () => null }, out, input), draws: r.draws() };
      };
      const first = call();
      await cooperate();
      const batches = first.batches;
      const fail = (text: string, pattern: GradePattern | null): Omit<GradePart, "name"> => {
        if (pattern) parts.pattern ??= pattern;
        return { passed: false, message: text, where: { input } };
      };
      // Split into epochs: ⌈n/B⌉ batches each when the count is right, else evenly when it can be.
      let per = k;
      if (batches.length !== epochs * k) {
        const oneEpoch = batches.length === k && epochs > 1 && checkEpoch(batches, d, 0, lang) === null;
        if (oneEpoch) {
          return fail(t(G.oneEpochOnly, lang, { fn, k, epochs, total: epochs * k }), "wrong-batch-size");
        }
        if (batches.length === 0 || batches.length % epochs !== 0) {
          const yours = sizesText(batches.map((b) => b.length), lang), want = sizesText(expectedSizes(n, B), lang);
          return fail(t(G.wrongCount, lang, { fn, got: batches.length, epochs, n, b: B, total: epochs * k, yours, want }), "wrong-batch-size");
        }
        per = batches.length / epochs;
      }
      const byEpoch = Array.from({ length: epochs }, (_, e) => batches.slice(e * per, (e + 1) * per));
      const want = expectedSizes(n, B);
      for (let e = 0; e < epochs; e++) {
        const sizes = byEpoch[e].map((b) => b.length);
        for (let j = 0; j < Math.min(sizes.length, want.length); j++) {
          analytic.push(sizes[j]);
          numeric.push(want[j]);
        }
      }
      for (let e = 0; e < epochs; e++) {
        const f = checkEpoch(byEpoch[e], d, e, lang);
        if (f) return fail(f.text, f.pattern);
      }
      if (n >= 8) {
        for (let e = 0; e < epochs; e++) {
          const flat = byEpoch[e].flat();
          if (flat.every((v, i) => v === i)) {
            return fail(t(G.inOrder, lang, { e: t(G.epochN, lang, { e }), last: n - 1 }), "not-shuffled");
          }
        }
        for (let e = 1; e < epochs; e++) {
          if (sameOrder(byEpoch[e], byEpoch[e - 1])) {
            return fail(t(G.sameEpochs, lang, { e: t(G.epochN, lang, { e }), prev: t(G.epochN, lang, { e: e - 1 }) }), "same-every-epoch");
          }
        }
      }
      const second = call();
      const d2 = diffBatches(first.batches, second.batches, lang);
      if (d2) {
        if (first.draws === 0) return fail(t(G.unseeded, lang, { fn, diff: d2 }), "not-reproducible");
        throw new LearnerFailure("accumulates", t(G.keepsState, lang, { fn, diff: d2, input }), { input });
      }
      return { passed: true, message: t(G.batchesPassed, lang, { epochs, k, sizes: sizesText(want, lang), last: n - 1 }) };
    });
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: t(G.batchesLabel, lang, { fn }), reference: "reference", analytic, numeric } : undefined,
    summary: t(G.batchesSummary, lang),
  };
}

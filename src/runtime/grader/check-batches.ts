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
export function drawBatchCase(rng: Rng, c: BatchesCase, epochs: readonly [number, number]): Drawn {
  const pairs: [number, number][] = [];
  for (let n = c.n[0]; n <= c.n[1]; n++) {
    for (let b = c.batchSize[0]; b <= c.batchSize[1]; b++) {
      if (c.divides === undefined || (n % b === 0) === c.divides) pairs.push([n, b]);
    }
  }
  if (pairs.length === 0) throw new Error(`case "${c.label}": no n in [${c.n.join(", ")}] and batch size in [${c.batchSize.join(", ")}] with ${c.divides ? "B dividing n" : "B not dividing n"}`);
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
function readBatches(l: LearnerFn, out: unknown, input: string, cap: number): number[][] {
  if (!isIterable(out) || typeof out === "string") {
    throw new LearnerFailure("shape", `${l.name} returned ${kindOf(out)} (${input}); it must return a list of batches, each a list of example indices, such as [[3, 0], [1, 2]].`, { input });
  }
  const batches: number[][] = [];
  for (const b of out) {
    if (batches.length >= cap) {
      throw new LearnerFailure("shape", `${l.name} gave more than ${cap} batches (${input}), far more than the epochs need: does a loop never end?`, { input });
    }
    if (!isIterable(b) || typeof b === "string") {
      throw new LearnerFailure("shape", `batch ${batches.length} is ${kindOf(b)} (${input}); each batch must be a list of example indices such as [3, 0, 7].`, { index: [batches.length], input });
    }
    const batch: number[] = [];
    for (const v of b) {
      if (typeof v !== "number" || !Number.isInteger(v)) {
        throw new LearnerFailure("shape", `batch ${batches.length} holds ${typeof v === "number" ? String(v) : kindOf(v)}, not an example index (${input}): the indices are the whole numbers 0…n−1.`, { index: [batches.length, batch.length], input });
      }
      batch.push(v);
    }
    batches.push(batch);
  }
  return batches;
}

/** At most `max` values, then "…". */
function some(values: readonly number[], max = 6): string {
  return values.length <= max ? list(values.map(String)) : `${values.slice(0, max).join(", ")} … (${values.length} in all)`;
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
function sizesText(sizes: readonly number[]): string {
  if (sizes.length === 0) return "no batches";
  if (sizes.length === 1) return `one batch of ${sizes[0]}`;
  if (sizes.length <= 6) return sizes.join(", ");
  const first = sizes[0];
  let run = 1;
  while (run < sizes.length && sizes[run] === first) run++;
  if (run === sizes.length) return `${run} × ${first}`;
  if (run === sizes.length - 1) return `${run} × ${first}, then ${sizes[run]}`;
  return `${sizes.slice(0, 6).join(", ")}, … (${sizes.length} batches)`;
}

/** What is wrong with one epoch's batches, or null. */
function checkEpoch(batches: readonly number[][], d: Drawn, epoch: number): Finding | null {
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
  const e = `epoch ${epoch}`;
  if (rest !== 0 && allFull && batches.length === want.length - 1 && missing.length === rest && repeated.length === 0 && outside.length === 0) {
    return { pattern: "drops-last-batch", text: `${e} has ${batches.length} batches of ${B}, and indices ${some(missing)} are in none of them: the last, smaller batch of ${rest} = ${n} mod ${B} examples was dropped. Keep it, so that every example is used once per epoch (an epoch of ${n} in batches of ${B} has ⌈${n}/${B}⌉ = ${want.length} batches).` };
  }
  if (rest !== 0 && allFull && batches.length === want.length && repeated.length > 0) {
    return { pattern: "pads-last-batch", text: `in ${e} the last batch has ${B} indices, but ${B > n ? `the epoch has only ${n} examples` : `only ${rest} = ${n} mod ${B} examples are left for it`}, so indices ${some(repeated)} appear twice: the last batch was padded. Let it be smaller instead (slice to Math.min(start + batchSize, n)).` };
  }
  if (outside.length > 0) {
    return { pattern: "missing-index", text: `${e} holds ${some(outside)}, which ${outside.length === 1 ? "is not an example index" : "are not example indices"}: with n = ${n} the indices go from 0 to ${n - 1}` + (missing.length ? `, and ${some(missing)} ${missing.length === 1 ? "is" : "are"} missing.` : ".") };
  }
  if (missing.length > 0) {
    const last = missing.includes(n - 1) ? ` Does a loop stop one short (i < n − 1 instead of i < n)? The indices go from 0 to n − 1 = ${n - 1}, inclusive.` : "";
    return { pattern: "missing-index", text: `${e} never uses ${missing.length === 1 ? "index" : "indices"} ${some(missing)}: every example 0…${n - 1} must be in exactly one batch of each epoch.${last}` };
  }
  if (repeated.length > 0) {
    return { pattern: "repeated-index", text: `${e} uses ${repeated.length === 1 ? "index" : "indices"} ${some(repeated)} more than once: every example must be in exactly one batch of each epoch. Shuffle a permutation of 0…${n - 1} (each index once), then cut it into slices.` };
  }
  for (let j = 0; j < Math.max(sizes.length, want.length); j++) {
    if (sizes[j] !== want[j]) {
      const which = j === want.length - 1 ? `the last batch of the epoch should have the remaining ${want[j]}` : `every batch but the last should have batchSize = ${B}`;
      return { pattern: "wrong-batch-size", text: `in ${e}, batch ${j} has ${sizes[j] ?? 0} indices, but ${which} (sizes: yours ${sizesText(sizes)}; expected ${sizesText(want)}).` };
    }
  }
  return null;
}

function sameOrder(a: readonly number[][], b: readonly number[][]): boolean {
  const fa = a.flat(), fb = b.flat();
  return fa.length === fb.length && fa.every((v, i) => v === fb[i]);
}

function diffBatches(a: readonly number[][], b: readonly number[][]): string | null {
  if (a.length !== b.length) return `${a.length} batches the first time, ${b.length} the second`;
  for (let j = 0; j < a.length; j++) {
    if (a[j].length !== b[j].length || a[j].some((v, i) => v !== b[j][i])) return `batch ${j} was [${a[j].slice(0, 8).join(", ")}${a[j].length > 8 ? ", …" : ""}] the first time and [${b[j].slice(0, 8).join(", ")}${b[j].length > 8 ? ", …" : ""}] the second`;
  }
  return null;
}

/** Grades a mini-batch iterator. */
export async function checkBatches(spec: BatchesCheck, ctx: CheckContext): Promise<CheckResult> {
  const l = ctx.learner;
  const fn = l.name;
  const parts = new PartList();
  const analytic: number[] = [], numeric: number[] = [];
  for (const c of spec.cases) {
    const d = drawBatchCase(ctx.rng, c, spec.epochs ?? [2, 3]);
    const seed = ctx.rng.int(2 ** 31);
    const { n, batchSize: B, epochs } = d;
    const input = `n = ${n}, batchSize = ${B}, epochs = ${epochs}, ${c.label}`;
    const k = Math.ceil(n / B);
    const cap = 4 * epochs * k + 10;
    await parts.run(c.label, async () => {
      const call = (): { batches: number[][]; draws: number } => {
        const r = countingRng(seed);
        const out = invoke(l, [{ name: "n", value: n }, { name: "batchSize", value: B }, { name: "rng", value: r.rng }, { name: "epochs", value: epochs }], input);
        return { batches: readResult(l, { read: (o, i) => readBatches(l, o, i, cap), diff: () => null }, out, input), draws: r.draws() };
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
        const oneEpoch = batches.length === k && epochs > 1 && checkEpoch(batches, d, 0) === null;
        if (oneEpoch) {
          return fail(`${fn} returned ${k} batch${k === 1 ? "" : "es"}, one epoch's worth, but epochs = ${epochs}: return the batches of every epoch, one epoch after the other (${epochs} × ${k} = ${epochs * k} batches).`, "wrong-batch-size");
        }
        if (batches.length === 0 || batches.length % epochs !== 0) {
          return fail(`${fn} returned ${batches.length} batch${batches.length === 1 ? "" : "es"}, but ${epochs} epochs of ${n} examples in batches of ${B} make ${epochs} × ⌈${n}/${B}⌉ = ${epochs * k} batches (sizes: yours ${sizesText(batches.map((b) => b.length))}; each epoch should be ${sizesText(expectedSizes(n, B))}).`, "wrong-batch-size");
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
        const f = checkEpoch(byEpoch[e], d, e);
        if (f) return fail(f.text, f.pattern);
      }
      if (n >= 8) {
        for (let e = 0; e < epochs; e++) {
          const flat = byEpoch[e].flat();
          if (flat.every((v, i) => v === i)) {
            return fail(`epoch ${e} visits the examples in order 0, 1, 2, …, ${n - 1}: shuffle them first (a new random permutation of 0…${n - 1} from rng each epoch, e.g. rng.permutation(n) or a Fisher–Yates shuffle with rng.int), then cut it into batches.`, "not-shuffled");
          }
        }
        for (let e = 1; e < epochs; e++) {
          if (sameOrder(byEpoch[e], byEpoch[e - 1])) {
            return fail(`epoch ${e} has exactly the same batches, in the same order, as epoch ${e - 1}: draw a fresh shuffle at the start of every epoch, not once before the loop.`, "same-every-epoch");
          }
        }
      }
      const second = call();
      const d2 = diffBatches(first.batches, second.batches);
      if (d2) {
        if (first.draws === 0) {
          return fail(`two calls with generators made from the same seed gave different batches (${d2}), and ${fn} never drew a number from rng: shuffle with rng (rng.int, rng.shuffle or rng.permutation), not Math.random, so that a seed repeats the same batches.`, "not-reproducible");
        }
        throw new LearnerFailure("accumulates", `two calls with generators made from the same seed gave different batches: ${d2} (${input}). ${fn} must not keep anything between calls (such as an order shuffled in a previous call): start every call from 0…n−1 and draw only from its rng.`, { input });
      }
      return { passed: true, message: `${epochs} epochs of ${k} batch${k === 1 ? "" : "es"} (sizes ${sizesText(want)}): each covers 0…${n - 1} once, shuffled afresh, and the seed repeats them.` };
    });
  }
  return {
    parts: parts.parts, problem: parts.problem, pattern: parts.pattern,
    comparison: analytic.length ? { label: `${fn}: expected batch sizes vs yours`, reference: "reference", analytic, numeric } : undefined,
    summary: `every epoch covers 0…n−1 once in batches of batchSize with the rest last, shuffled afresh each epoch and repeatable from the seed`,
  };
}

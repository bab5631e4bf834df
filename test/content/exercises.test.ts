/**
 * Grader honesty, for every exercise folder under content/*\/exercises/*:
 * the reference solution passes at 20 seeds, the starter fails, and every
 * known-wrong answer in wrong/ fails for the reason its first line names
 * (`(expect: sign-flipped)` — a GradePattern, a GradeProblem, or `mismatch`
 * for a numeric mismatch without a recognisable pattern; `scaled` also accepts
 * its special cases `factor-2` and `half`). Then the real cell
 * path: a headless notebook runs the learner's code as a cell, then a grading
 * run (the `grade` protocol message), exactly as the page does.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { Matrix } from "../../src/nn/index.ts";
import { afterAll, describe, expect, it } from "vitest";
import { createHeadlessNotebook, type HeadlessNotebook } from "../../src/runtime/headless.ts";
import { translatableStrings, type ExerciseDef } from "../../src/runtime/grader/exercise.ts";
import type { ExerciseText } from "../../src/i18n/exercise-text.ts";
import { LANGS } from "../../src/i18n/lang.ts";
import * as graderMessages from "../../src/i18n/messages/grader.ts";
import * as exerciseMessages from "../../src/i18n/messages/exercise.ts";
import { gradeExercise } from "../../src/runtime/grader/grade.ts";
import { EDITION_FILES, exerciseFilePath, WRONG_DIR } from "../../src/runtime/grader/exercise-files.ts";
import { listExerciseFolders } from "../../src/runtime/grader/node-loader.ts";
import { checkMessage } from "../../src/runtime/message-check.ts";
import type { GradeReport } from "../../src/runtime/grader/report.ts";
import { transpile } from "../../src/runtime/transpile.ts";
import type { Lang } from "../../src/i18n/lang.ts";

const CONTENT = new URL("../../content/", import.meta.url);

interface Folder {
  key: string;
  dir: URL;
  wrong: string[];
}

function exerciseFolders(): Folder[] {
  return listExerciseFolders(CONTENT).map(({ key, dir }) => {
    const wrongDir = new URL(`${WRONG_DIR}/`, dir);
    const wrong = existsSync(wrongDir) ? readdirSync(wrongDir).filter((f) => f.endsWith(".ts")).sort() : [];
    return { key, dir, wrong };
  });
}

const folders = exerciseFolders();
const SOLUTION_SEEDS = Array.from({ length: 20 }, (_, i) => 1 + i * 7919);
/** Wrong answers must fail for their reason at as many seeds as the solution passes at: a reader draws any of them. */
const FAIL_SEEDS = Array.from({ length: 20 }, (_, i) => 3 + i * 4999);
/** The starter fails at a few seeds (it fails by construction; see "every part fails for the starter"). */
const STARTER_SEEDS = [3, 1234, 98765];
/** The Chinese pass grades fewer seeds: the checks are the same program, only the words differ. */
const ZH_SEEDS = [5, 40_003];
/** Time limit of the tests that grade at 20 seeds: training a model 20 times takes about 35 s on an idle machine. */
const SLOW_MS = 180_000;

async function load(dir: URL, file: string): Promise<Record<string, unknown>> {
  return (await import(new URL(file, dir).href)) as Record<string, unknown>;
}

/** The expectation a wrong answer's first line names: `(expect: …)`. */
function expectation(source: string): string {
  const first = source.split("\n")[0];
  const m = /\(expect: ([\w/-]+)\)/.exec(first);
  if (!first.startsWith("//") || !m) throw new Error(`first line must be a comment naming the mistake and ending (expect: …): ${first}`);
  return m[1];
}

const PROBLEMS = ["nan", "infinity", "shape", "exception", "missing", "mutated-input", "accumulates", "timeout", "gradient"];

function expectFailsFor(report: GradeReport, want: string): void {
  expect(report.passed, report.headline).toBe(false);
  expect(report.headline.length).toBeGreaterThan(10);
  if (want === "mismatch") {
    expect(report.problem ?? null, report.headline).toBeNull();
    expect(report.parts.some((p) => !p.passed && (p.band === "wrong" || p.band === "suspicious")), report.headline).toBe(true);
  } else if (PROBLEMS.includes(want)) {
    expect(report.problem, report.headline).toBe(want);
  } else if (want === "scaled") {
    // "a constant factor is off": factor 2 and one half are the named special cases.
    expect(["scaled", "factor-2", "half"], report.headline).toContain(report.pattern);
  } else {
    expect(report.pattern, report.headline).toBe(want);
  }
  // Every failed part says what went wrong; the report passes the page's message check.
  for (const p of report.parts) if (!p.passed) expect(p.message.length).toBeGreaterThan(20);
  expect(checkMessage(structuredClone({ type: "grade-report", runId: 1, report })), report.headline).not.toBeNull();
}

/** Text a learner's own code put in the report: a JavaScript error's message (it is the engine's, not the grader's). */
const ENGINE_ERROR = /\b(?:[A-Z][A-Za-z]*)?Error: [^（）。；]*/g;
const CJK = /[\u4e00-\u9fff]/;
/** Three lowercase English words in a row: a sentence (identifiers such as dW, shapes and code such as `new Matrix(rows, cols)` stay below it). */
const ENGLISH_RUN = /\b[a-z]{2,}(?:[ ,]+[a-z]{2,}){2,}\b/;

/** Every sentence of a report is Chinese: it has CJK characters and no run of English words. */
function expectChinese(report: GradeReport, untranslated: readonly string[]): void {
  const clean = (s: string): string => untranslated.reduce((acc, u) => acc.split(u).join(""), s).replace(ENGINE_ERROR, "");
  const texts = [report.headline, ...report.parts.flatMap((p) => [p.name, p.message, p.cause ?? ""]), report.comparison?.label ?? ""];
  expect(report.headline, report.headline).toMatch(CJK);
  for (const p of report.parts) expect(p.message, p.message).toMatch(CJK);
  for (const text of texts) {
    const english = ENGLISH_RUN.exec(clean(text));
    expect(english?.[0], `English in: ${text}`).toBeUndefined();
  }
}

it("every grader and exercise message exists, non-empty, in every language", () => {
  const anyParams = new Proxy({}, { get: () => "2" }) as never;
  for (const [name, entry] of Object.entries({ ...graderMessages, ...exerciseMessages })) {
    for (const lang of LANGS) {
      const m = (entry as Record<string, unknown>)[lang];
      expect(typeof m === "string" || typeof m === "function", `${name}.${lang}`).toBe(true);
      const text = typeof m === "function" ? (m as (p: never) => string)(anyParams) : (m as string);
      expect(text.trim(), `${name}.${lang}`).not.toBe("");
    }
    // Where the English says words (not only a symbol, a code word or punctuation), the Chinese says Chinese ones.
    const say = (lang: string): string => {
      const m = (entry as Record<string, unknown>)[lang];
      return typeof m === "function" ? (m as (p: never) => string)(anyParams) : (m as string);
    };
    if (/\b[a-z]{2,} [a-z]{2,}\b/i.test(say("en"))) expect(say("zh-CN"), `${name}["zh-CN"]`).toMatch(CJK);
  }
});

it("finds the course's exercises (at least 30)", () => {
  expect(folders.length).toBeGreaterThanOrEqual(30);
});

for (const folder of folders) {
  describe(folder.key, () => {
    const files = ["exercise.ts", "starter.ts", "solution.ts"];
    it("has exercise.ts, starter.ts, solution.ts and at least 5 different wrong answers", () => {
      for (const f of files) expect(existsSync(new URL(f, folder.dir)), f).toBe(true);
      expect(folder.wrong.length).toBeGreaterThanOrEqual(5);
      // Five different mistakes: each names its own, and no two files hold the same code.
      const mistakes = folder.wrong.map((w) => readFileSync(new URL(`wrong/${w}`, folder.dir), "utf8"));
      expect(new Set(mistakes.map((m) => m.split("\n")[0])).size).toBe(mistakes.length);
      expect(new Set(mistakes.map((m) => m.split("\n").slice(1).join("\n").replace(/\/\/.*$/gm, "").replace(/\s+/g, ""))).size).toBe(mistakes.length);
    });

    it("is placed in its chapter exactly once", () => {
      const [chapter, id] = folder.key.split("/");
      const mdx = readFileSync(new URL(`${chapter}/index.mdx`, CONTENT), "utf8");
      expect(mdx.split(`<Exercise id="${id}">`).length - 1).toBe(1);
    });

    it("its learner files run as cells: self-contained, and they transpile", () => {
      for (const f of ["starter.ts", "solution.ts", ...folder.wrong.map((w) => `wrong/${w}`)]) {
        const src = readFileSync(new URL(f, folder.dir), "utf8");
        expect(src, f).not.toMatch(/from\s+["']\.{1,2}\//);
        const tr = transpile(src, { cellId: f });
        expect(tr.ok, `${f}: ${tr.ok ? "" : tr.error.message}`).toBe(true);
      }
    });

    it("the solution passes at 20 seeds", async () => {
      const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
      const solution = await load(folder.dir, "solution.ts");
      for (const seed of SOLUTION_SEEDS) {
        const r = await gradeExercise(def, solution, seed, { exerciseId: folder.key });
        expect(r.passed, `seed ${seed}: ${r.headline}\n${r.parts.map((p) => `${p.passed ? "ok  " : "FAIL"} ${p.name}: ${p.message}`).join("\n")}`).toBe(true);
        expect(r.seed).toBe(seed);
        expect(r.problem ?? null).toBeNull();
        expect(r.headline).toMatch(/^Passed/);
        expect(r.comparison?.analytic.length ?? 0).toBeGreaterThan(0);
        expect(r.comparison!.analytic.length).toBeLessThanOrEqual(200);
      }
    }, SLOW_MS);

    it("the starter fails, and no part of the check passes for it", async () => {
      const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
      const starter = await load(folder.dir, "starter.ts");
      for (const seed of STARTER_SEEDS) {
        const r = await gradeExercise(def, starter, seed, { exerciseId: folder.key });
        expect(r.passed, `seed ${seed}: ${r.headline}`).toBe(false);
        // A part the unchanged starter passes checks nothing (e.g. "the loss falls" met by returning zeros).
        // A train check's first parts are gates before training (the starter's untrained model may well be sound).
        const graded = (def.check.kind === "train" ? r.parts.slice(-1) : r.parts).filter((p) => !STARTER_MAY_PASS[def.id]?.parts.includes(p.name));
        for (const p of graded) expect(p.passed, `seed ${seed}: the starter passes "${p.name}": ${p.message}`).toBe(false);
      }
    });

    it("every seed draws what can tell right from nearly right (2 rows and 2 columns, a batch of 2 or more)", async () => {
      const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
      const solution = await load(folder.dir, "solution.ts");
      if (!["value", "backward", "model", "update"].includes(def.check.kind)) return; // scalars, models, initialisers: nothing to shape here
      const { learner, seen } = recordShapes(def, solution);
      for (const seed of SOLUTION_SEEDS.slice(0, 5)) {
        seen.length = 0;
        expect((await gradeExercise(def, learner, seed)).passed).toBe(true);
        const matrices = seen.flat();
        if (matrices.length === 0) continue; // scalar functions: nothing to shape
        const shapes = matrices.map((m) => `${m.rows}x${m.cols}`).join(", ");
        expect(matrices.some((m) => m.rows >= 2), `seed ${seed}: no input with 2 rows or more (${shapes})`).toBe(true);
        if (!ONE_COLUMN[def.id]) expect(matrices.some((m) => m.rows >= 2 && m.cols >= 2), `seed ${seed}: no input with 2 rows and 2 columns (${shapes})`).toBe(true);
      }
    });

    const mutants = mutantsOf(folder.key);
    for (const [name, mutate] of Object.entries(mutants)) {
      it(`the solution with one bug (${name}) fails at 20 seeds`, async () => {
        const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
        const solution = await load(folder.dir, "solution.ts");
        const learner = mutate(def, solution);
        if (!learner) return; // not applicable to this kind of check
        for (const seed of FAIL_SEEDS) {
          const r = await gradeExercise(def, learner, seed, { exerciseId: folder.key });
          if (!(learner as Record<symbol, boolean>)[APPLIED]) return; // not applicable to this answer's shape
          expect(r.passed, `seed ${seed}: the ${name} bug passed: ${r.headline}`).toBe(false);
        }
      }, SLOW_MS);
    }

    it("grades in Chinese: the solution passes, the starter and every wrong answer fail for their reasons, in Chinese sentences", async () => {
      const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
      const textFile = EDITION_FILES["zh-CN"].text as string;
      const text = existsSync(new URL(textFile, folder.dir)) ? (await load(folder.dir, textFile)).default as ExerciseText : null;
      // Without its zh-CN.ts (a chapter not yet translated) the exercise's own labels stay English: leave them out of the check.
      const untranslated = text ? [] : translatableStrings(def.check);
      const grade = (learner: Record<string, unknown>, seed: number): Promise<GradeReport> =>
        gradeExercise(def, learner, seed, { exerciseId: folder.key, lang: "zh-CN", text });
      const solution = await load(folder.dir, "solution.ts");
      for (const seed of ZH_SEEDS) {
        const r = await grade(solution, seed);
        expect(r.passed, `seed ${seed}: ${r.headline}`).toBe(true);
        expectChinese(r, untranslated);
      }
      const starter = await grade(await load(folder.dir, "starter.ts"), ZH_SEEDS[0]);
      expect(starter.passed).toBe(false);
      expectChinese(starter, untranslated);
      for (const w of folder.wrong) {
        const want = expectation(readFileSync(new URL(`wrong/${w}`, folder.dir), "utf8"));
        const learner = await load(folder.dir, `wrong/${w}`);
        for (const seed of ZH_SEEDS) {
          const r = await grade(learner, seed);
          expectFailsFor(r, want);
          expectChinese(r, untranslated);
        }
      }
    }, SLOW_MS);

    for (const w of folder.wrong) {
      it(`wrong/${w} fails for the reason it names`, async () => {
        const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
        const want = expectation(readFileSync(new URL(`wrong/${w}`, folder.dir), "utf8"));
        const learner = await load(folder.dir, `wrong/${w}`);
        for (const seed of FAIL_SEEDS) expectFailsFor(await gradeExercise(def, learner, seed, { exerciseId: folder.key }), want);
      }, SLOW_MS);
    }
  });
}

/**
 * Parts a starter may pass, and why: the stable-softmax starter is the naive
 * softmax, right at ordinary logits by design (the exercise is to make it
 * stable); those parts still reject the wrong stable versions (column-wise,
 * not normalised, one sum for the batch). A blank image is already centred
 * and normalised: the centre-digit starter (a copy) is right on it, and the
 * part is there for the answers that divide 0 by 0.
 */
const STARTER_MAY_PASS: Readonly<Record<string, { parts: readonly string[]; why: string }>> = {
  "stable-softmax": { parts: ["one row of ordinary logits", "a batch of ordinary logits"], why: "the starter is the naive softmax to be made stable" },
  "centre-digit": {
    parts: ["a blank image"],
    why: "a blank image is its own right answer (nothing to normalise or centre), so no check on it can reject a copy of the input; the part rejects the 0 / 0 that turns a blank into NaN",
  },
};

/** Exercises whose inputs are one column by nature, and why. */
const ONE_COLUMN: Readonly<Record<string, string>> = {
  "partial-derivatives": "each row is one point (xᵢ, yᵢ): x and y are columns",
  "bce-backward": "binary classification has one logit per example",
};

/** Wraps the check's entry to record the shapes of the Matrix arguments of every call. */
function recordShapes(def: ExerciseDef, solution: Record<string, unknown>): { learner: Record<string, unknown>; seen: Matrix[][] } {
  const seen: Matrix[][] = [];
  const learner = { ...solution };
  if (def.check.kind === "train" || def.check.kind === "batches" || def.check.kind === "derivative") return { learner, seen };
  const fn = solution[def.check.fn] as (...a: unknown[]) => unknown;
  learner[def.check.fn] = (...args: unknown[]) => {
    seen.push(args.filter((a): a is Matrix => a instanceof Matrix));
    return fn(...args);
  };
  return { learner, seen };
}

type Mutant = (def: ExerciseDef, solution: Record<string, unknown>) => Record<string, unknown> | null;

/** A copy of m with one element changed by half the matrix's largest entry (so a zero changes too). */
function bumpAt(m: Matrix, k: number): Matrix {
  const out = new Matrix(m.rows, m.cols, Float64Array.from(m.data));
  let scale = 0;
  for (const v of m.data) scale = Math.max(scale, Math.abs(v));
  out.data[k] = -out.data[k] - 0.5 * (scale || 1);
  return out;
}

/**
 * Applies `change` to the Matrix results of a check's entry (for a model
 * check, to the first gradient it applies to). `applied` tells whether it
 * ever did: a bug of a kind the answer cannot have (a scalar has no last
 * column) is not tested.
 */
function onResult(change: (m: Matrix) => Matrix | null): Mutant {
  return (def, solution) => {
    const c = def.check;
    if (c.kind !== "value" && c.kind !== "backward" && c.kind !== "model") return null;
    const fn = solution[c.fn] as (...a: unknown[]) => unknown;
    const state = { applied: false };
    const apply = (m: Matrix): Matrix | null => {
      const out = change(m);
      if (out) state.applied = true;
      return out;
    };
    const learner: Record<string, unknown> = {
      ...solution,
      [c.fn]: (...args: unknown[]) => {
        const out = fn(...args);
        if (out instanceof Matrix) return apply(out) ?? out;
        if (c.kind === "model" && out && typeof out === "object") {
          const o = { ...(out as Record<string, Matrix>) };
          for (const key of Object.values(c.grads)) {
            const changed = o[key] instanceof Matrix ? apply(o[key]) : null;
            if (changed) return { ...o, [key]: changed };
          }
        }
        return out;
      },
    };
    return Object.defineProperty(learner, APPLIED, { get: () => state.applied });
  };
}

const APPLIED = Symbol("applied");

/**
 * Bugs at one place, applied to the reference solution: each must fail at
 * every seed, which holds only when every seed draws enough rows, columns,
 * signs and regimes to expose it.
 */
function mutantsOf(key: string): Record<string, Mutant> {
  const derivative = (wrap: (f: (x: number) => number, x: number) => number): Mutant => (def, solution) => {
    if (def.check.kind !== "derivative") return null;
    const f = solution[def.check.fn] as (x: number) => number;
    return Object.defineProperty({ ...solution, [def.check.fn]: (x: number) => wrap(f, x) }, APPLIED, { value: true });
  };
  const all: Record<string, Mutant> = {
    "wrong at the first element": onResult((m) => (m.data.length > 1 ? bumpAt(m, 0) : null)),
    "wrong at the last element": onResult((m) => (m.data.length > 1 ? bumpAt(m, m.data.length - 1) : null)),
    "first row only": onResult((m) => {
      if (m.rows < 2) return null;
      const out = new Matrix(m.rows, m.cols);
      out.data.set(m.data.subarray(0, m.cols));
      return out;
    }),
    "last column left at 0": onResult((m) => {
      if (m.cols < 2) return null;
      const out = new Matrix(m.rows, m.cols, Float64Array.from(m.data));
      for (let i = 0; i < m.rows; i++) out.data[i * m.cols + m.cols - 1] = 0;
      return out;
    }),
    "sign flipped for negative inputs": derivative((f, x) => (x < 0 ? -f(x) : f(x))),
    "its limit returned past |x| = 6": derivative((f, x) => (Math.abs(x) > 6 ? f(Math.sign(x) * 1000) : f(x))),
  };
  // Exercises where a mutant cannot apply by construction (the output is a scalar or a label) skip it at run time.
  void key;
  return all;
}

/** The code of an exercise file, as the page would put it in a cell. */
function source(key: string, file: string): string {
  return readFileSync(new URL(exerciseFilePath(key, file), CONTENT), "utf8");
}

describe("grading through the real cell path (headless notebook)", () => {
  const notebooks: HeadlessNotebook[] = [];
  const open = (): HeadlessNotebook => {
    const nb = createHeadlessNotebook({ timeLimitMs: 20_000, graceMs: 300 });
    notebooks.push(nb);
    return nb;
  };
  afterAll(() => {
    for (const nb of notebooks) nb.close();
  });

  async function grade(nb: HeadlessNotebook, id: string, seed: number, lang: Lang = "en"): Promise<GradeReport> {
    const out = await nb.run("grader", "", { grade: { exerciseId: id, seed, lang } });
    expect(out.status, out.error?.message).toBe("ok");
    expect(out.report).toBeDefined();
    return out.report as GradeReport;
  }

  it("a solution run as a cell passes; a wrong answer run after it fails for its reason", async () => {
    const nb = open();
    const key = "02-activation-functions/tanh-derivative";
    expect((await nb.run("answer", source(key, "solution.ts"))).status).toBe("ok");
    const passed = await grade(nb, key, 7);
    expect(passed.passed, passed.headline).toBe(true);
    expect(passed.exerciseId).toBe(key);
    expect(passed.seed).toBe(7);
    expect(passed.comparison?.analytic.length).toBeGreaterThan(0);
    // The reader edits the cell: the new definition replaces the old one in the page scope.
    expect((await nb.run("answer", source(key, "wrong/sign-flipped.ts"))).status).toBe("ok");
    const failed = await grade(nb, "tanh-derivative", 7); // a bare exercise id works when it is unique
    expect(failed.passed).toBe(false);
    expect(failed.pattern).toBe("sign-flipped");
    expect(failed.headline).toMatch(/sign is flipped/);
  });

  it("matrix exercises work with the cell's nn (same Matrix class as the grader)", async () => {
    const nb = open();
    const key = "05-backpropagation/two-layer-backward";
    expect((await nb.run("answer", source(key, "solution.ts"))).status).toBe("ok");
    const r = await grade(nb, key, 11);
    expect(r.passed, r.headline).toBe(true);
    expect((await nb.run("answer", source(key, "wrong/mutates-labels.ts"))).status).toBe("ok");
    const m = await grade(nb, key, 11);
    expect(m.problem).toBe("mutated-input");
    expect(m.parts.find((p) => !p.passed)?.where?.param).toBe("y");
  });

  it("grades in the language the page asks for, with the exercise's own Chinese labels", async () => {
    const nb = open();
    const key = "00-how-this-notebook-works/square-derivative";
    expect((await nb.run("answer", source(key, "solution.zh.ts"))).status).toBe("ok");
    const r = await grade(nb, key, 9, "zh-CN");
    expect(r.passed, r.headline).toBe(true);
    expect(r.parts.map((p) => p.name)).toEqual(["[−5, 5] 中的随机 x", "较大的 |x|（10 到 100）"]);
    expect(r.headline).toMatch(/^通过了全部 2 项检查/);
    expect((await grade(nb, key, 9, "en")).parts[0].name).toBe("random x in [−5, 5]");
  });

  it("says what is missing before the reader has defined anything", async () => {
    const nb = open();
    const r = await grade(nb, "02-activation-functions/relu-backward", 1);
    expect(r.passed).toBe(false);
    expect(r.problem).toBe("missing");
    expect(r.headline).toBe("missing: define a function named reluBackward");
  });

  it("an unknown exercise id is a cell error naming the known ones", async () => {
    const nb = open();
    const out = await nb.run("grader", "", { grade: { exerciseId: "no-such-exercise", seed: 1, lang: "en" } });
    expect(out.status).toBe("error");
    expect(out.report).toBeUndefined();
    expect(out.error?.message).toMatch(/unknown exercise: no-such-exercise \(known: .*tanh-derivative/);
  });

  it("an infinite loop in the learner's code hits the time limit, and the page can grade again afterwards", async () => {
    const nb = open();
    const key = "02-activation-functions/tanh-derivative";
    expect((await nb.run("answer", "function tanhPrime(z: number): number { while (true) {} }")).status).toBe("ok");
    const out = await nb.run("grader", "", { grade: { exerciseId: key, seed: 3, lang: "en" }, timeLimitMs: 1500 });
    expect(out.status).toBe("terminated");
    expect(out.reason).toBe("time-limit");
    // A fresh worker: the definitions are gone (missing), and a corrected answer grades normally.
    expect((await grade(nb, key, 3)).problem).toBe("missing");
    expect((await nb.run("answer", source(key, "solution.ts"))).status).toBe("ok");
    expect((await grade(nb, key, 3)).passed).toBe(true);
  });
});

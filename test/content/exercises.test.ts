/**
 * Grader honesty, for every exercise folder under content/*\/exercises/*:
 * the reference solution passes at 20 seeds, the starter fails, and every
 * known-wrong answer in wrong/ fails for the reason its first line names
 * (`(expect: sign-flipped)` — a GradePattern, a GradeProblem, or `mismatch`
 * for a numeric mismatch without a recognisable pattern; `scaled` also accepts
 * its special cases `factor-2` and `half`). Then the real cell
 * path: a headless notebook runs the learner's code as a cell and
 * `__gradeExercise(id, seed)` as another, exactly as the page does.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createHeadlessNotebook, type HeadlessNotebook } from "../../src/runtime/headless.ts";
import type { ExerciseDef } from "../../src/runtime/grader/exercise.ts";
import { gradeExercise } from "../../src/runtime/grader/grade.ts";
import { serializeReport } from "../../src/runtime/grader/install.ts";
import { parseGradeReport, type GradeReport } from "../../src/runtime/grader/report.ts";
import { transpile } from "../../src/runtime/transpile.ts";

const CONTENT = new URL("../../content/", import.meta.url);

interface Folder {
  key: string;
  dir: URL;
  wrong: string[];
}

function exerciseFolders(): Folder[] {
  const out: Folder[] = [];
  for (const chapter of readdirSync(CONTENT, { withFileTypes: true })) {
    if (!chapter.isDirectory()) continue;
    const base = new URL(`${chapter.name}/exercises/`, CONTENT);
    if (!existsSync(base)) continue;
    for (const ex of readdirSync(base, { withFileTypes: true })) {
      if (!ex.isDirectory()) continue;
      const dir = new URL(`${ex.name}/`, base);
      const wrongDir = new URL("wrong/", dir);
      const wrong = existsSync(wrongDir) ? readdirSync(wrongDir).filter((f) => f.endsWith(".ts")).sort() : [];
      out.push({ key: `${chapter.name}/${ex.name}`, dir, wrong });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

const folders = exerciseFolders();
const SOLUTION_SEEDS = Array.from({ length: 20 }, (_, i) => 1 + i * 7919);
const FAIL_SEEDS = [3, 1234, 98765];
/** A train check may take up to a minute per grading (its own limit bounds each one); the others take milliseconds. */
const GRADING_TIMEOUT_MS = 60_000;

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
  // Every failed part says what went wrong; the report survives the trip through a cell result.
  for (const p of report.parts) if (!p.passed) expect(p.message.length).toBeGreaterThan(20);
  const json = serializeReport(report);
  expect(json.length).toBeLessThan(10_000);
  expect(parseGradeReport(json).passed).toBe(false);
}

it("finds the exercises", () => {
  expect(folders.length).toBeGreaterThanOrEqual(6);
});

for (const folder of folders) {
  describe(folder.key, () => {
    const files = ["exercise.ts", "starter.ts", "solution.ts"];
    it("has exercise.ts, starter.ts, solution.ts and wrong answers", () => {
      for (const f of files) expect(existsSync(new URL(f, folder.dir)), f).toBe(true);
      expect(folder.wrong.length).toBeGreaterThanOrEqual(3);
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
    }, GRADING_TIMEOUT_MS * SOLUTION_SEEDS.length);

    it("the starter fails", async () => {
      const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
      const starter = await load(folder.dir, "starter.ts");
      for (const seed of FAIL_SEEDS) {
        const r = await gradeExercise(def, starter, seed, { exerciseId: folder.key });
        expect(r.passed, `seed ${seed}: ${r.headline}`).toBe(false);
      }
    });

    for (const w of folder.wrong) {
      it(`wrong/${w} fails for the reason it names`, async () => {
        const def = (await load(folder.dir, "exercise.ts")).default as ExerciseDef;
        const want = expectation(readFileSync(new URL(`wrong/${w}`, folder.dir), "utf8"));
        const learner = await load(folder.dir, `wrong/${w}`);
        for (const seed of FAIL_SEEDS) expectFailsFor(await gradeExercise(def, learner, seed, { exerciseId: folder.key }), want);
      }, GRADING_TIMEOUT_MS * FAIL_SEEDS.length);
    }
  });
}

/** The code of an exercise file, as the page would put it in a cell. */
function source(key: string, file: string): string {
  const [chapter, id] = key.split("/");
  return readFileSync(new URL(`${chapter}/exercises/${id}/${file}`, CONTENT), "utf8");
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

  async function grade(nb: HeadlessNotebook, id: string, seed: number): Promise<GradeReport> {
    const out = await nb.run("grader", `await __gradeExercise(${JSON.stringify(id)}, ${seed})`);
    expect(out.status, out.error?.message).toBe("ok");
    expect(out.result?.kind).toBe("string");
    return parseGradeReport((out.result as { value: string }).value);
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

  it("says what is missing before the reader has defined anything", async () => {
    const nb = open();
    const r = await grade(nb, "02-activation-functions/relu-backward", 1);
    expect(r.passed).toBe(false);
    expect(r.problem).toBe("missing");
    expect(r.headline).toBe("missing: define a function named reluBackward");
  });

  it("an unknown exercise id is a cell error naming the known ones", async () => {
    const nb = open();
    const out = await nb.run("grader", `await __gradeExercise("no-such-exercise", 1)`);
    expect(out.status).toBe("error");
    expect(out.error?.message).toMatch(/unknown exercise: no-such-exercise \(known: .*tanh-derivative/);
  });

  it("an infinite loop in the learner's code hits the time limit, and the page can grade again afterwards", async () => {
    const nb = open();
    const key = "02-activation-functions/tanh-derivative";
    expect((await nb.run("answer", "function tanhPrime(z: number): number { while (true) {} }")).status).toBe("ok");
    const out = await nb.run("grader", `await __gradeExercise(${JSON.stringify(key)}, 3)`, { timeLimitMs: 1500 });
    expect(out.status).toBe("terminated");
    expect(out.reason).toBe("time-limit");
    // A fresh worker: the definitions are gone (missing), and a corrected answer grades normally.
    expect((await grade(nb, key, 3)).problem).toBe("missing");
    expect((await nb.run("answer", source(key, "solution.ts"))).status).toBe("ok");
    expect((await grade(nb, key, 3)).passed).toBe(true);
  });
});

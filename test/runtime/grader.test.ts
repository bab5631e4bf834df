/**
 * The grader's own contract: how it treats a learner's function that is
 * missing, throws, is slow, returns the wrong kind of value, NaN or Infinity;
 * that a seed repeats exactly; the cheap recognition of classic mistakes; the
 * exercise lookup and the folder layout; and the grading function the kernel calls.
 */
import { describe, expect, it } from "vitest";
import { Activation, Adam, Dense, Matrix, mlp, Sequential, train, type ClassificationData, type Rng } from "../../src/nn/index.ts";
import { defineExercise, type ExerciseDef } from "../../src/runtime/grader/exercise.ts";
import { gradeExercise } from "../../src/runtime/grader/grade.ts";
import { parseExercisePath } from "../../src/runtime/grader/exercise-files.ts";
import { createGrader } from "../../src/runtime/grader/install.ts";
import { exerciseKey, globExerciseLoader, resolveExerciseKey } from "../../src/runtime/grader/loaders.ts";
import { listExerciseFiles, nodeExerciseLoader } from "../../src/runtime/grader/node-loader.ts";
import { detectPattern, isTransposeOf } from "../../src/runtime/grader/patterns.ts";
import type { GradeReport } from "../../src/runtime/grader/report.ts";

const cube = defineExercise({
  id: "cube-derivative",
  title: "d/dx x³",
  entry: ["cubePrime"],
  check: { kind: "derivative", fn: "cubePrime", f: (x) => x ** 3, formula: "x³", points: [{ label: "x in [−2, 2]", range: [-2, 2], count: 8 }] },
  hints: ["power rule", "3x²", "return 3 * x * x"],
  timeLimitMs: 200,
});

const grade = (learner: Record<string, unknown>, seed = 1, def: ExerciseDef = cube): Promise<GradeReport> => gradeExercise(def, learner, seed);

describe("defineExercise", () => {
  const base = cube as unknown as Record<string, unknown>;
  const bad = (patch: Record<string, unknown>): (() => unknown) => () => defineExercise({ ...base, ...patch } as unknown as ExerciseDef);
  it("accepts a valid definition and freezes it", () => {
    expect(Object.isFrozen(cube)).toBe(true);
    expect(cube.entry).toEqual(["cubePrime"]);
  });
  it("rejects definitions that could never grade", () => {
    expect(bad({ id: "Cube Derivative" })).toThrow(/id must be a lowercase slug/);
    expect(bad({ entry: [] })).toThrow(/entry must list/);
    expect(bad({ entry: ["cube prime"] })).toThrow(/not an identifier/);
    expect(bad({ entry: ["other"] })).toThrow(/check.fn "cubePrime" is not in entry \(other\)/);
    expect(bad({ hints: ["one", "two"] })).toThrow(/three non-empty strings/);
    expect(bad({ timeLimitMs: 0 })).toThrow(/timeLimitMs must be > 0/);
    expect(bad({ check: { ...cube.check, kind: "magic" } })).toThrow(/unknown check kind magic/);
  });
});

describe("gradeExercise: the learner's contract", () => {
  it("passes a correct answer, with the seed and the comparison data", async () => {
    const r = await grade({ cubePrime: (x: number) => 3 * x * x }, 42);
    expect(r.passed, r.headline).toBe(true);
    expect(r.seed).toBe(42);
    expect(r.headline).toMatch(/^Passed the check \(seed 42\)/);
    expect(r.comparison?.analytic).toHaveLength(8);
    expect(r.problem).toBeNull();
  });

  it("says what is missing, and what is not a function", async () => {
    const missing = await grade({});
    expect(missing.problem).toBe("missing");
    expect(missing.headline).toBe("missing: define a function named cubePrime");
    const notFn = await grade({ cubePrime: 3 });
    expect(notFn.problem).toBe("missing");
    expect(notFn.headline).toMatch(/cubePrime is a number, not a function/);
  });

  it("reports an exception with the input that caused it", async () => {
    const r = await grade({ cubePrime: (x: number) => { if (x > 0) throw new RangeError("too big"); return 3 * x * x; } });
    expect(r.problem).toBe("exception");
    expect(r.parts[0].message).toMatch(/cubePrime threw RangeError: too big \(for x = [0-9.]+\)/);
    expect(r.parts[0].where?.input).toMatch(/^x = /);
  });

  it("tells NaN, Infinity, a Promise and a non-number apart", async () => {
    expect((await grade({ cubePrime: () => NaN })).problem).toBe("nan");
    const inf = await grade({ cubePrime: (x: number) => (x > 0 ? Infinity : 3 * x * x) });
    expect(inf.problem).toBe("infinity");
    expect(inf.parts[0].message).toMatch(/returned Infinity for x = /);
    const promise = await grade({ cubePrime: async (x: number) => 3 * x * x });
    expect(promise.problem).toBe("shape");
    expect(promise.parts[0].message).toMatch(/returned a Promise: write a plain function/);
    const nothing = await grade({ cubePrime: () => undefined });
    expect(nothing.parts[0].message).toMatch(/returned undefined \(did you forget to return\?\)/);
  });

  it("reports a returned value that cannot even be read as the answer's fault", async () => {
    const double = defineExercise({
      id: "double", title: "2x", entry: ["double"], hints: ["a", "b", "c"],
      check: { kind: "value", fn: "double", reference: (x) => Matrix.from([[2 * (x as Matrix).data[0]]]), cases: [{ label: "one", make: () => Matrix.from([[1.5]]) }] },
    });
    const r = await grade({ double: () => ({ get rows(): number { throw new Error("boom"); } }) }, 1, double);
    expect(r.problem).toBe("shape");
    expect(r.parts[0].message).toMatch(/what double returned could not be read: boom/);
    expect((await grade({ double: (x: Matrix) => Matrix.from([[2 * x.data[0]]]) }, 1, double)).passed).toBe(true);
  });

  it("catches an answer that changes between two calls with the same input", async () => {
    let calls = 0;
    const r = await grade({ cubePrime: (x: number) => 3 * x * x + 1e-3 * calls++ });
    expect(r.problem).toBe("accumulates");
    expect(r.parts[0].message).toMatch(/calling cubePrime twice with the same input gave different results/);
  });

  it("stops with a time-out when the learner's code uses up the budget", async () => {
    const slow = (x: number): number => {
      const until = performance.now() + 20;
      while (performance.now() < until);
      return 3 * x * x;
    };
    const r = await grade({ cubePrime: slow });
    expect(r.passed).toBe(false);
    expect(r.problem).toBe("timeout");
    expect(r.headline).toMatch(/^time-out: cubePrime used up the 0.2 s time budget/);
  });

  it("lets Stop through instead of grading it", async () => {
    const stop = (): number => {
      const e = new Error("interrupted: the run was stopped");
      e.name = "Interrupted";
      throw e;
    };
    await expect(grade({ cubePrime: stop })).rejects.toThrow(/interrupted/);
  });

  it("blames itself, not the learner, when an exercise is broken", async () => {
    const broken = defineExercise({ ...cube, check: { ...cube.check, f: () => { throw new Error("reference exploded"); } } } as ExerciseDef);
    const r = await grade({ cubePrime: (x: number) => 3 * x * x }, 1, broken);
    expect(r.passed).toBe(false);
    expect(r.problem).toBeNull();
    expect(r.headline).toMatch(/the grader itself failed \(reference exploded\): this is a bug in the exercise, not in your answer/);
  });

  it("draws the same points for the same seed and fresh points for another", async () => {
    const learner = { cubePrime: (x: number) => 3 * x * x };
    const a = await grade(learner, 5), b = await grade(learner, 5), c = await grade(learner, 6);
    expect(a.comparison).toEqual(b.comparison);
    expect(a.comparison).not.toEqual(c.comparison);
  });
});

describe("gradeExercise: a train check", () => {
  const blob = (rng: Rng, per: number): ClassificationData => {
    // Two well separated blobs: any sensible model learns them in a few steps.
    const x = new Matrix(2 * per, 2);
    const y = new Int32Array(2 * per);
    for (let k = 0; k < 2 * per; k++) {
      y[k] = k < per ? 0 : 1;
      x.data[2 * k] = (y[k] ? 1 : -1) + 0.2 * rng.normal();
      x.data[2 * k + 1] = 0.2 * rng.normal();
    }
    return { x, y, classes: 2 };
  };
  const blobs = defineExercise({
    id: "blobs",
    title: "Two blobs",
    entry: ["buildModel", "trainModel"],
    check: { kind: "train", build: "buildModel", fit: "trainModel", data: (rng) => blob(rng, 30), heldOut: (rng) => blob(rng, 20), classes: 2, minAccuracy: 0.9, probeRows: 4 },
    hints: ["a", "b", "c"],
    timeLimitMs: 5000,
  });
  const buildModel = (rng: Rng) => mlp([2, 8, 2], { rng, hidden: "tanh" });
  const fit = async (model: Sequential, data: ClassificationData, rng: Rng): Promise<void> => {
    await train(model, { x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new Adam({ lr: 0.05 }), steps: 100, rng });
  };
  const gradeTrain = (learner: Record<string, unknown>, seed = 1, def: ExerciseDef = blobs) => gradeExercise(def, learner, seed);

  it("defineExercise checks build and fit against entry", () => {
    expect(() => defineExercise({ ...blobs, entry: ["buildModel"] } as ExerciseDef)).toThrow(/check.fit "trainModel" is not in entry/);
    expect(() => defineExercise({ ...blobs, check: { ...blobs.check, minAccuracy: 1.5 } } as ExerciseDef)).toThrow(/minAccuracy/);
  });

  it("awaits an async trainModel (only here), and reports the held-out accuracy and the seed", async () => {
    const r = await gradeTrain({ buildModel, trainModel: fit }, 9);
    expect(r.passed, r.headline).toBe(true);
    expect(r.parts.map((p) => p.name)).toEqual(["the model's shape", "gradient check before training", "accuracy on 40 held-out points"]);
    expect(r.parts[2].message).toMatch(/seed 9/);
    expect(r.comparison?.analytic.length).toBeGreaterThan(0);
    // Other kinds stay strict: an async entry is a shape problem there.
    expect((await grade({ cubePrime: async (x: number) => 3 * x * x })).problem).toBe("shape");
    // buildModel itself must be synchronous.
    const asyncBuild = await gradeTrain({ buildModel: async (rng: Rng) => buildModel(rng), trainModel: fit });
    expect(asyncBuild.problem).toBe("shape");
    expect(asyncBuild.parts[0].message).toMatch(/returned a Promise/);
  });

  it("reports a rejected promise and a synchronous throw as exceptions", async () => {
    const rejected = await gradeTrain({ buildModel, trainModel: async () => { throw new RangeError("lr too large"); } });
    expect(rejected.problem).toBe("exception");
    expect(rejected.parts.at(-1)?.message).toMatch(/trainModel failed: its Promise rejected with RangeError: lr too large/);
    const thrown = await gradeTrain({ buildModel, trainModel: () => { throw new Error("boom"); } });
    expect(thrown.problem).toBe("exception");
    expect(thrown.parts.at(-1)?.message).toMatch(/trainModel threw Error: boom while training/);
  });

  it("a failed gradient check stops before training, naming the parameter", async () => {
    class NoBiasGrad extends Dense {
      backward(dOut: Matrix): Matrix {
        const dX = super.backward(dOut);
        this.b.grad.data.fill(0);
        return dX;
      }
    }
    let trained = false;
    const r = await gradeTrain({
      buildModel: (rng: Rng) => new Sequential([new NoBiasGrad(2, 8, { rng, name: "hidden" }), new Activation("tanh"), new Dense(8, 2, { rng })]),
      trainModel: () => { trained = true; },
    });
    expect(r.problem).toBe("gradient");
    expect(trained).toBe(false);
    expect(r.parts).toHaveLength(2);
    expect(r.parts[1].message).toMatch(/hidden\.b/);
    expect(r.parts[1].where?.param).toBe("hidden.b");
  });

  it("checks the output shape, and says when the accuracy is too low", async () => {
    const wide = await gradeTrain({ buildModel: (rng: Rng) => mlp([2, 8, 3], { rng }), trainModel: fit });
    expect(wide.problem).toBe("shape");
    expect(wide.parts[0].message).toMatch(/must be 4x2/);
    const lazy = await gradeTrain({ buildModel, trainModel: async () => {} });
    expect(lazy.passed).toBe(false);
    expect(lazy.problem).toBeNull();
    expect(lazy.pattern).toBe("accuracy-below");
    expect(lazy.headline).toMatch(/at least 90\.0 % is needed/);
  });

  it("times out a trainModel that never finishes, and lets Stop through", async () => {
    const slow = defineExercise({ ...blobs, timeLimitMs: 300 });
    const r = await gradeTrain({ buildModel, trainModel: () => new Promise(() => {}) }, 1, slow);
    expect(r.problem).toBe("timeout");
    expect(r.headline).toMatch(/did not finish training within the 0.3 s/);
    const stop = async (): Promise<void> => {
      const e = new Error("interrupted: the run was stopped");
      e.name = "Interrupted";
      throw e;
    };
    await expect(gradeTrain({ buildModel, trainModel: stop })).rejects.toThrow(/interrupted/);
  });
});

describe("detectPattern", () => {
  const pairs = (f: (n: number) => number, ns = [0.5, -1.25, 2, 0.75]) => ns.map((n) => ({ a: f(n), n }));
  it("names the classic mistakes", () => {
    expect(detectPattern(pairs(() => 0), "en")?.pattern).toBe("zeros");
    expect(detectPattern(pairs((n) => -n), "en")?.pattern).toBe("sign-flipped");
    expect(detectPattern(pairs((n) => 2 * n), "en")?.pattern).toBe("factor-2");
    expect(detectPattern(pairs((n) => n / 2), "en")?.pattern).toBe("half");
    expect(detectPattern(pairs((n) => 5 * n), "en", 5)?.pattern).toBe("missing-1/N");
    expect(detectPattern(pairs((n) => n / 4), "en", 4)?.pattern).toBe("extra-1/N");
    expect(detectPattern(pairs((n) => -2 * n), "en")?.text).toMatch(/sign is flipped and a factor 2 is off/);
    expect(detectPattern(pairs((n) => 0.3 * n), "en")).toMatchObject({ pattern: "scaled", factor: 0.3 });
  });
  it("claims nothing for a right answer, an unstructured one, or too few points", () => {
    expect(detectPattern(pairs((n) => n), "en")).toBeNull();
    expect(detectPattern(pairs((n) => n * n), "en")).toBeNull();
    expect(detectPattern([{ a: 0.3, n: 1 }], "en")).toBeNull(); // any ratio fits one point
    expect(detectPattern([{ a: 0, n: 0 }], "en")).toBeNull();
  });
  it("recognises a transposed square matrix", () => {
    const n = Matrix.from([[1, 2], [3, 4]]);
    expect(isTransposeOf(Matrix.from([[1, 3], [2, 4]]), n)).toBe(true);
    expect(isTransposeOf(n, n)).toBe(false);
    expect(isTransposeOf(Matrix.from([[1, 2], [3, 4.5]]), n)).toBe(false);
  });
});

describe("gradeExercise: a batches check", () => {
  const batchesDef = defineExercise({
    id: "batch-indices", title: "mini-batches", entry: ["batchIdx"], hints: ["a", "b", "c"],
    check: {
      kind: "batches", fn: "batchIdx", epochs: [2, 2],
      cases: [
        { label: "B does not divide n", n: [10, 10], batchSize: [4, 4], divides: false },
        { label: "B divides n", n: [12, 12], batchSize: [3, 3], divides: true },
      ],
    },
  });
  type Idx = (n: number, b: number, rng: Rng, epochs: number) => unknown;
  const right: Idx = (n, b, rng, epochs) => {
    const out: number[][] = [];
    for (let e = 0; e < epochs; e++) {
      const p = Array.from(rng.permutation(n));
      for (let s = 0; s < n; s += b) out.push(p.slice(s, s + b));
    }
    return out;
  };
  const run = (fn: Idx, seed = 1): Promise<GradeReport> => grade({ batchIdx: fn }, seed, batchesDef);

  it("passes a right answer, also written as a generator, with the batch sizes as comparison", async () => {
    const r = await run(right);
    expect(r.passed, r.headline).toBe(true);
    expect(r.comparison?.analytic).toEqual([4, 4, 2, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(r.parts[0].message).toMatch(/2 epochs of 3 batches \(sizes 4, 4, 2\)/);
    const gen = function* (n: number, b: number, rng: Rng, epochs: number): Generator<Int32Array> {
      for (let e = 0; e < epochs; e++) {
        const p = rng.permutation(n);
        for (let s = 0; s < n; s += b) yield p.slice(s, s + b);
      }
    };
    expect((await run(gen)).passed).toBe(true);
  });

  it("names missing and repeated indices by value, and batch sizes by batch", async () => {
    const missing = await run((n, b, rng, e) => (right(n, b, rng, e) as number[][]).map((batch) => batch.map((i) => (i === 7 ? 3 : i))));
    expect(missing.pattern).toBe("missing-index");
    expect(missing.parts[0].message).toMatch(/^epoch 0 never uses index 7/);
    const sizes = await run((n, b, rng, e) => {
      const flat = (right(n, b, rng, e) as number[][]).flat();
      const out: number[][] = [];
      for (let k = 0; k < e; k++) out.push(flat.slice(k * n, k * n + 2), flat.slice(k * n + 2, k * n + 6), flat.slice(k * n + 6, (k + 1) * n));
      return out;
    });
    expect(sizes.pattern).toBe("wrong-batch-size");
    expect(sizes.parts[0].message).toMatch(/in epoch 0, batch 0 has 2 indices, but every batch but the last should have batchSize = 4/);
  });

  it("reports wrong types, exceptions and hidden state with the case", async () => {
    const notList = await run(() => 42);
    expect(notList.problem).toBe("shape");
    expect(notList.parts[0].message).toMatch(/returned a number \(n = 10, batchSize = 4, epochs = 2, B does not divide n\)/);
    const notInt = await run(() => [[0.5]]);
    expect(notInt.problem).toBe("shape");
    expect(notInt.parts[0].message).toMatch(/batch 0 holds 0.5, not an example index/);
    const throws = await run(() => { throw new RangeError("no"); });
    expect(throws.problem).toBe("exception");
    expect(throws.parts[0].message).toMatch(/batchIdx threw RangeError: no \(for n = 10, batchSize = 4/);
    let calls = 0;
    const stateful = await run((n, b, rng, e) => {
      rng.next();
      const out = right(n, b, rng, e) as number[][];
      if (calls++ % 2) out.reverse();
      return out;
    });
    expect(stateful.problem).toBe("accumulates");
    expect(stateful.parts[0].message).toMatch(/two calls with generators made from the same seed gave different batches/);
  });

  it("recognises unshuffled, repeated-epoch and unseeded answers", async () => {
    const inOrder = await run((n, b, _rng, e) => Array.from({ length: e }, () => Array.from({ length: Math.ceil(n / b) }, (_, j) => Array.from({ length: Math.min(b, n - j * b) }, (_, i) => j * b + i))).flat());
    expect(inOrder.pattern).toBe("not-shuffled");
    const sameEpochs = await run((n, b, rng, e) => {
      const one = right(n, b, rng, 1) as number[][];
      return Array.from({ length: e }, () => one).flat();
    });
    expect(sameEpochs.pattern).toBe("same-every-epoch");
    expect(sameEpochs.parts[0].message).toMatch(/epoch 1 has exactly the same batches, in the same order, as epoch 0/);
    const unseeded = await run((n, b, _rng, e) => right(n, b, { permutation: (k: number) => Int32Array.from(Array.from({ length: k }, (_, i) => i).sort(() => Math.random() - 0.5)) } as unknown as Rng, e));
    expect(unseeded.pattern).toBe("not-reproducible");
    expect(unseeded.parts[0].message).toMatch(/never drew a number from rng/);
  });

  it("rejects a case that cannot be drawn as the exercise's bug", async () => {
    const impossible = defineExercise({ ...batchesDef, check: { kind: "batches", fn: "batchIdx", cases: [{ label: "prime", n: [13, 13], batchSize: [2, 12], divides: true }] } });
    const r = await grade({ batchIdx: right }, 1, impossible);
    expect(r.problem).toBeNull();
    expect(r.headline).toMatch(/the grader itself failed .*case "prime"/);
  });
});

describe("exercise lookup", () => {
  it("keys exercise files by chapter folder and exercise id", () => {
    expect(exerciseKey("/content/02-activation-functions/exercises/tanh-derivative/exercise.ts")).toBe("02-activation-functions/tanh-derivative");
    expect(exerciseKey("C:\\site\\content\\02-a\\exercises\\b\\exercise.ts")).toBe("02-a/b");
    expect(exerciseKey("/content/02-a/figures.ts")).toBeNull();
    expect(exerciseKey("/content/02-a/exercises/b/starter.ts")).toBeNull();
  });
  it("reads every file of the layout back, and nothing else", () => {
    expect(parseExercisePath("/content/02-a/exercises/b/starter.zh.ts")).toEqual({ key: "02-a/b", chapter: "02-a", id: "b", file: "starter.zh.ts" });
    expect(parseExercisePath("/content/02-a/exercises/b/zh-CN.ts")?.file).toBe("zh-CN.ts");
    expect(parseExercisePath("/content/02-a/exercises/b/notes.ts")).toBeNull();
    expect(parseExercisePath("/content/02-a/exercises/b/wrong/sign.ts")).toBeNull();
  });
  it("resolves full keys, unique bare ids, and names the problem otherwise", () => {
    const keys = ["01-a/x", "02-b/y", "03-c/y"];
    expect(resolveExerciseKey(keys, "01-a/x")).toBe("01-a/x");
    expect(resolveExerciseKey(keys, "x")).toBe("01-a/x");
    expect(() => resolveExerciseKey(keys, "y")).toThrow("ambiguous exercise id: y (02-b/y, 03-c/y); add the chapter folder");
    expect(() => resolveExerciseKey(keys, "z")).toThrow("unknown exercise: z (known: 01-a/x, 02-b/y, 03-c/y)");
  });
  it("loads lazily through import.meta.glob-style modules", async () => {
    let loads = 0;
    const zh = { title: "x³ 的导数", hints: ["幂法则", "3x²", "return 3 * x * x"], text: { "x in [−2, 2]": "x 在 [−2, 2] 内" } };
    const load = globExerciseLoader({
      "/content/00-a/exercises/cube-derivative/exercise.ts": async () => { loads++; return { default: cube }; },
      "/content/00-a/exercises/broken/exercise.ts": async () => ({ nothing: true }),
    }, { "/content/00-a/exercises/cube-derivative/zh-CN.ts": async () => ({ default: zh }) });
    expect(loads).toBe(0);
    const en = await load("cube-derivative", "en");
    expect(en.def.title).toBe("d/dx x³");
    expect(en.text).toBeNull();
    expect(en.key).toBe("00-a/cube-derivative");
    expect(loads).toBe(1);
    expect((await load("cube-derivative", "zh-CN")).text).toEqual(zh);
    await expect(load("00-a/broken", "en")).rejects.toThrow("exercise 00-a/broken: exercise.ts must `export default defineExercise({...})`");
  });
  it("finds every exercise on disk in Node", async () => {
    const content = new URL("../../content/", import.meta.url);
    const files = listExerciseFiles(content);
    expect(files.has("02-activation-functions/tanh-derivative")).toBe(true);
    expect((await nodeExerciseLoader(content)("tanh-derivative", "en")).def.id).toBe("tanh-derivative");
  });
});

describe("createGrader", () => {
  it("grades the scope's definitions as they are when it is called", async () => {
    const scope: Record<string, unknown> = {};
    const grade = createGrader(scope, async (id) => {
      if (id !== "cube") throw new Error(`unknown exercise: ${id}`);
      return { key: "00-a/cube", def: cube, text: null };
    });
    expect((await grade({ exerciseId: "cube", seed: 3, lang: "en" })).problem).toBe("missing");
    scope.cubePrime = (x: number) => 3 * x * x;
    const r = await grade({ exerciseId: "cube", seed: 3, lang: "en" });
    expect(r.passed).toBe(true);
    expect(r.exerciseId).toBe("cube");
    await expect(grade({ exerciseId: "cube", seed: NaN, lang: "en" })).rejects.toThrow(/seed must be a finite number/);
    await expect(grade({ exerciseId: 3 as unknown as string, seed: 1, lang: "en" })).rejects.toThrow(/exerciseId must be a string/);
    await expect(grade({ exerciseId: "cube", seed: 1, lang: "fr" as "en" })).rejects.toThrow(/unknown language fr/);
    await expect(grade({ exerciseId: "nope", seed: 1, lang: "en" })).rejects.toThrow(/unknown exercise: nope/);
  });
});

/**
 * The grader rejects the answers that are nearly right, for the course's own
 * exercises: an algebraically equal but unstable formula (with a message
 * that says so), a derivative cut off to 0 or 1 in a saturated range, a
 * backward pass that only handles the first row, one element or one sign
 * wrong, a ReLU mask that ignores the bias, an edited wrapper, stale optimiser
 * state and the EMA form of momentum, and a mis-scaled initialiser. Each runs
 * at 20 seeds: a reader may draw any of them. Also: a report says its cause
 * once, its plot says what it compares, and a Check's syntax error shows its line.
 */
import { describe, expect, it } from "vitest";
import { Matrix, createRng, relu, sigmoid, softmax, type Rng } from "../../src/nn/index.ts";
import { defineExercise, type ExerciseDef } from "../../src/runtime/grader/exercise.ts";
import { gradeExercise } from "../../src/runtime/grader/grade.ts";
import { errorText, type GradeReport } from "../../src/runtime/grader/report.ts";

const SEEDS = Array.from({ length: 20 }, (_, i) => 11 + i * 6007);

async function exercise(key: string): Promise<ExerciseDef> {
  const [chapter, id] = key.split("/");
  return (await import(`../../content/${chapter}/exercises/${id}/exercise.ts`)).default as ExerciseDef;
}

/** Grades at every seed; returns the reports (all must fail). */
async function failsEverywhere(def: ExerciseDef, learner: Record<string, unknown>): Promise<GradeReport[]> {
  const reports: GradeReport[] = [];
  for (const seed of SEEDS) {
    const r = await gradeExercise(def, learner, seed);
    expect(r.passed, `seed ${seed}: ${r.headline}`).toBe(false);
    reports.push(r);
  }
  return reports;
}

/** Row-wise map of a matrix (for the hand-written answers below). */
function rows(z: Matrix, f: (row: number[]) => number[]): Matrix {
  const out = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) out.data.set(f(Array.from(z.data.subarray(i * z.cols, (i + 1) * z.cols))), i * z.cols);
  return out;
}

describe("an algebraically equal but unstable answer fails, and the message says why", () => {
  it("softmax without the row maximum: NaN at large logits, reported as not numerically stable", async () => {
    const def = await exercise("02-activation-functions/stable-softmax");
    const naive = (z: Matrix) => rows(z, (r) => {
      const e = r.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
    for (const r of await failsEverywhere(def, { stableSoftmax: naive })) {
      expect(r.problem).toBe("nan");
      expect(r.headline).toMatch(/^large logits \(around \+1000\) \(\d of \d checks failed\): not numerically stable: e\^1000 overflows/);
      // Ordinary logits still pass: the failure is the stability, not the formula.
      expect(r.parts[0].passed).toBe(true);
    }
  });

  it("shifting by the row minimum fails the rows that span more than a thousand", async () => {
    const def = await exercise("02-activation-functions/stable-softmax");
    const byMin = (z: Matrix) => rows(z, (r) => {
      const m = Math.min(...r);
      const e = r.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
    for (const r of await failsEverywhere(def, { stableSoftmax: byMin })) {
      const part = r.parts.find((p) => p.name === "rows spanning more than a thousand")!;
      expect(part.passed).toBe(false);
      expect(part.cause).toMatch(/^not numerically stable/);
    }
  });

  it("cross-entropy by log(p + ε) is finite but wrong where p rounds to 0, and says it is a stability failure", async () => {
    const def = await exercise("04-loss-functions/cross-entropy-loss");
    const hack = (Z: Matrix, Y: Matrix): number => {
      const P = softmax(Z);
      let s = 0;
      for (let k = 0; k < P.data.length; k++) s -= Y.data[k] * Math.log(P.data[k] + 1e-12);
      return s / Z.rows;
    };
    for (const r of await failsEverywhere(def, { crossEntropy: hack })) {
      expect(r.problem).toBeNull();
      const failed = r.parts.filter((p) => !p.passed);
      // Where p rounds to 0 the loss is capped near −log ε; where p is merely tiny, ε/p shows too.
      const wrong = failed.find((p) => p.name === "confidently wrong (correct class 800 or more below the best)");
      expect(wrong?.cause).toMatch(/^not numerically stable: the correct class's probability rounds to 0/);
      expect(r.headline).toMatch(/not numerically stable/);
    }
  });

  it("a cross-entropy gradient through a plain softmax fails on rows of very different scales", async () => {
    const def = await exercise("04-loss-functions/cross-entropy-backward");
    const naive = (Z: Matrix, Y: Matrix) => {
      const P = rows(Z, (r) => {
        const e = r.map(Math.exp);
        const s = e.reduce((a, b) => a + b, 0);
        return e.map((v) => v / s);
      });
      return { dZ: new Matrix(Z.rows, Z.cols, P.data.map((p, k) => (p - Y.data[k]) / Z.rows)) };
    };
    for (const r of await failsEverywhere(def, { crossEntropyBackward: naive })) {
      expect(r.problem).toBe("nan");
      expect(r.headline).toMatch(/not numerically stable/);
    }
  });
});

describe("a derivative cut off in the saturated range fails", () => {
  const cutOff = (f: (z: number) => number, at: number, limit: (z: number) => number) => (z: number) => (Math.abs(z) > at ? limit(z) : f(z));
  const tanhPrime = (z: number) => 1 - Math.tanh(z) ** 2;

  it("tanh′ returning 0 past |z| = 5 or 8, while it is still far above the check's noise floor", async () => {
    const def = await exercise("02-activation-functions/tanh-derivative");
    for (const at of [5, 8]) {
      for (const r of await failsEverywhere(def, { tanhPrime: cutOff(tanhPrime, at, () => 0) })) {
        expect(r.problem).toBeNull();
        expect(r.parts.find((p) => p.name.startsWith("saturated"))?.passed).toBe(false);
      }
    }
  });

  it("σ (the local derivative of softplus) returning exactly 0 or 1 past |x| = 10 or 20", async () => {
    const def = await exercise("05-backpropagation/value-op-backward");
    for (const at of [10, 20]) await failsEverywhere(def, { softplusLocal: cutOff(sigmoid.f, at, (x) => (x > 0 ? 1 : 0)) });
  });

  it("a chain-rule derivative returning 0 once the neuron saturates", async () => {
    const def = await exercise("03-derivatives-and-gradients/neuron-chain-rule");
    const right = (w: number) => {
      const z = 1.5 * w - 0.5;
      return 2 * (sigmoid.f(z) - 1) * sigmoid.df(z) * 1.5;
    };
    await failsEverywhere(def, { lossPrime: cutOff(right, 5, () => 0) });
  });

  it("a placeholder 0 fails every part, the far-out one included (true value 0 there, but mixed with resolvable points)", async () => {
    const def = await exercise("02-activation-functions/tanh-derivative");
    for (const r of await failsEverywhere(def, { tanhPrime: () => 0 })) for (const p of r.parts) expect(p.passed, p.name).toBe(false);
  });
});

describe("shapes and positions: a bug in one row, one element or one sign is caught at every seed", () => {
  const reluBackward = (x: Matrix, dOut: Matrix) => new Matrix(x.rows, x.cols, x.data.map((v, k) => (v > 0 ? dOut.data[k] : 0)));

  it("a ReLU backward that handles only the first row", async () => {
    const def = await exercise("02-activation-functions/relu-backward");
    const firstRow = (x: Matrix, dOut: Matrix) => {
      const d = reluBackward(x, dOut);
      d.data.fill(0, x.cols);
      return d;
    };
    for (const r of await failsEverywhere(def, { reluBackward: firstRow })) {
      expect(r.parts[0].passed).toBe(true); // a batch of one is right
      expect(r.parts[1].passed).toBe(false);
    }
  });

  it("a ReLU backward wrong only in the last column, or only for negative inputs' sign", async () => {
    const def = await exercise("02-activation-functions/relu-backward");
    const lastColumn = (x: Matrix, dOut: Matrix) => {
      const d = reluBackward(x, dOut);
      for (let i = 0; i < x.rows; i++) d.data[i * x.cols + x.cols - 1] = dOut.data[i * x.cols + x.cols - 1];
      return d;
    };
    await failsEverywhere(def, { reluBackward: lastColumn });
    const leaky = (x: Matrix, dOut: Matrix) => new Matrix(x.rows, x.cols, x.data.map((v, k) => (v > 0 ? dOut.data[k] : -0.01 * dOut.data[k])));
    await failsEverywhere(def, { reluBackward: leaky });
  });

  it("a dense forward pass that computes the first example for every row", async () => {
    const def = await exercise("01-neurons-and-layers/dense-forward");
    const firstOnly = (X: Matrix, W: Matrix, b: Matrix) => {
      const Z = new Matrix(X.rows, W.cols);
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < W.cols; j++) {
          let s = b.data[j];
          for (let k = 0; k < X.cols; k++) s += X.data[k] * W.data[k * W.cols + j];
          Z.data[i * W.cols + j] = s;
        }
      }
      return Z;
    };
    await failsEverywhere(def, { denseForward: firstOnly });
  });

  it("a softmax backward with one sum for the whole batch", async () => {
    const def = await exercise("02-activation-functions/softmax-backward");
    const oneSum = (z: Matrix, dP: Matrix) => {
      const p = softmax(z);
      let s = 0;
      for (let k = 0; k < p.data.length; k++) s += p.data[k] * dP.data[k];
      return new Matrix(z.rows, z.cols, p.data.map((v, k) => v * (dP.data[k] - s)));
    };
    await failsEverywhere(def, { softmaxBackward: oneSum });
  });
});

describe("masks and branches: the data make the bias flip a ReLU's sign", () => {
  it("a mask from X·W1 without the bias fails the whole classifier's gradient at every seed", async () => {
    const def = await exercise("08-training-end-to-end/weight-decay-backward");
    const mod = await import("../../content/08-training-end-to-end/exercises/weight-decay-backward/wrong/mask-without-bias.ts");
    for (const r of await failsEverywhere(def, mod)) expect(r.problem).toBeNull();
    void relu;
  });
});

describe("the learner's function is what is graded", () => {
  it("an edited wrapper cannot stand in for the learner's partial derivative", async () => {
    const def = await exercise("03-derivatives-and-gradients/partial-derivatives");
    const dfdy = (x: number, y: number) => x * x + x * Math.cos(x * y);
    // dfdx is wrong; the page's partialsAt is "fixed" to return the right values anyway.
    const partialsAt = (x: Matrix, y: Matrix) => ({
      dfdx: new Matrix(x.rows, 1, x.data.map((v, i) => 2 * v * y.data[i] + y.data[i] * Math.cos(v * y.data[i]))),
      dfdy: new Matrix(x.rows, 1, x.data.map((v, i) => dfdy(v, y.data[i]))),
    });
    await failsEverywhere(def, { dfdx: (x: number, y: number) => 2 * x * y, dfdy, partialsAt });
  });

  it("a numerical gradient is called on the grader's own functions, so one that knows only the starter's test function fails", async () => {
    const def = await exercise("03-derivatives-and-gradients/numeric-gradient");
    // Right only for the starter's test function: its analytic gradient, whatever f is passed.
    const memorised = (_f: unknown, x: Matrix) => {
      let total = 0;
      for (const v of x.data) total += v;
      return new Matrix(x.rows, x.cols, x.data.map((v, k) => Math.sin(k + 1 + v) + v * Math.cos(k + 1 + v) + total));
    };
    for (const r of await failsEverywhere(def, { numericGradient: memorised })) {
      // The starter's test function's analytic gradient agrees with central differences; the fresh functions expose it.
      expect(r.parts.slice(1).every((p) => !p.passed)).toBe(true);
    }
  });
});

describe("update rules: old state and a known factor are named", () => {
  it("stepping with the velocity passed in is 'old-state', and the message does not claim w did not move", async () => {
    const def = await exercise("07-optimizers/momentum-step");
    const stale = (w: Matrix, g: Matrix, v: Matrix, lr: number, mu: number) => ({
      w: new Matrix(w.rows, w.cols, w.data.map((x, k) => x - lr * v.data[k])),
      v: new Matrix(v.rows, v.cols, v.data.map((x, k) => mu * x + g.data[k])),
    });
    for (const r of await failsEverywhere(def, { momentumStep: stale })) {
      expect(r.pattern).toBe("old-state");
      expect(r.headline).toMatch(/w is stepped with the v passed in, not the one just updated/);
      expect(r.headline).not.toMatch(/did not move/);
    }
  });

  it("the EMA form of momentum is recognised by its factor 1 − μ", async () => {
    const def = await exercise("07-optimizers/momentum-step");
    const ema = (w: Matrix, g: Matrix, v: Matrix, lr: number, mu: number) => {
      const nv = new Matrix(v.rows, v.cols, v.data.map((x, k) => mu * x + (1 - mu) * g.data[k]));
      return { w: new Matrix(w.rows, w.cols, w.data.map((x, k) => x - lr * nv.data[k])), v: nv };
    };
    for (const r of await failsEverywhere(def, { momentumStep: ema })) expect(r.headline).toMatch(/EMA form of momentum/);
  });

  it("returning zeros does not 'reach' the bowl's minimum any more", async () => {
    const def = await exercise("06-gradient-descent/gd-update-step");
    for (const r of await failsEverywhere(def, { sgdStep: (w: Matrix) => ({ w: new Matrix(w.rows, w.cols) }) })) {
      for (const p of r.parts) expect(p.passed, p.name).toBe(false);
    }
  });
});

describe("an initialiser is graded by the signal it keeps through a deep ReLU stack", () => {
  const normalInit = (std: (fanIn: number, fanOut: number) => number) => (fanIn: number, fanOut: number, rng: Rng) => {
    const W = new Matrix(fanIn, fanOut);
    for (let k = 0; k < W.data.length; k++) W.data[k] = std(fanIn, fanOut) * rng.normal();
    return W;
  };

  it("He passes; Xavier's scale and the fan-out scale fail, each saying by how much", async () => {
    const def = await exercise("08-training-end-to-end/he-init");
    const he = await gradeExercise(def, { heInit: normalInit((n) => Math.sqrt(2 / n)) }, 5);
    expect(he.passed, he.headline).toBe(true);
    for (const r of await failsEverywhere(def, { heInit: normalInit((n) => Math.sqrt(1 / n)) })) {
      expect(r.pattern).toBe("scaled");
      expect(r.parts[1].cause).toMatch(/the signal shrinks by a factor of/);
    }
    const fanOut = await gradeExercise(def, { heInit: normalInit((_n, m) => Math.sqrt(2 / m)) }, 5);
    expect(fanOut.headline).toMatch(/your weights' variance is [0-9.]+ times 2\/fanIn/);
  });

  it("weights drawn without rng are not reproducible", async () => {
    const def = await exercise("08-training-end-to-end/he-init");
    const unseeded = (fanIn: number, fanOut: number) => normalInit((n) => Math.sqrt(2 / n))(fanIn, fanOut, createRng(Math.floor(Math.random() * 1e9)));
    const r = await gradeExercise(def, { heInit: unseeded }, 3);
    expect(r.pattern).toBe("not-reproducible");
  });
});

describe("reports: the cause once, a plot that says what it compares, a label answer", () => {
  const cube = defineExercise({
    id: "cube", title: "x³", entry: ["cubePrime"], hints: ["a", "b", "c"],
    check: { kind: "derivative", fn: "cubePrime", f: (x) => x ** 3, points: [{ label: "x in [−2, 2]", range: [-2, 2], count: 8 }, { label: "far", range: [[3, 4], [10, 20]], count: 6, symmetric: true }] },
  });

  it("the headline names the cause and the part's message gives only the facts", async () => {
    const r = await gradeExercise(cube, { cubePrime: (x: number) => -3 * x * x }, 1);
    expect(r.headline).toMatch(/^x in \[−2, 2\] \(2 of 2 checks failed\): the sign is flipped\.$/);
    for (const p of r.parts) {
      expect(p.cause).toBe("the sign is flipped");
      expect(p.message).not.toMatch(/sign is flipped/);
      expect(p.message).toMatch(/yours is −?[0-9.]+, central differences of f give/);
    }
  });

  it("draws points from every range of a set, on both sides", async () => {
    const r = await gradeExercise(cube, { cubePrime: (x: number) => 3 * x * x }, 2);
    expect(r.passed, r.headline).toBe(true);
    expect(r.parts[1].message).toMatch(/\[3, 4\] and \[10, 20\] and their negatives/);
  });

  it("a derivative's plot compares with the numerical gradient, a value's with the reference", async () => {
    const d = await gradeExercise(cube, { cubePrime: (x: number) => 3 * x * x }, 1);
    expect(d.comparison).toMatchObject({ label: "cubePrime(x): numerical gradient vs yours", reference: "numerical gradient" });
    const def = await exercise("06-gradient-descent/iterations-per-epoch");
    const v = await gradeExercise(def, { trainingIterations: (n: number, b: number, e: number) => e * Math.ceil(n / b) }, 1);
    expect(v.passed, v.headline).toBe(true);
    expect(v.comparison).toMatchObject({ label: "trainingIterations: reference vs yours", reference: "reference" });
  });

  it("a label answer is compared exactly and must be one of the labels", async () => {
    const def = await exercise("03-derivatives-and-gradients/read-gradient-check");
    const shout = await gradeExercise(def, { verdict: () => "GOOD" }, 1);
    expect(shout.problem).toBe("shape");
    expect(shout.parts[0].message).toMatch(/returned "GOOD" for analytic = .*; it must return one of "good", "kink", "wrong"/);
    const noKinks = await gradeExercise(def, { verdict: (a: number, n: number) => (Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8) <= 1e-7 ? "good" : "wrong") }, 1);
    expect(noKinks.passed).toBe(false);
    expect(noKinks.parts.find((p) => !p.passed)?.message).toMatch(/yours is "wrong", the reference says "kink"/);
  });

  it("the problem is that of the first failed part, as the headline says", async () => {
    const def = defineExercise({
      id: "two", title: "two", entry: ["f"], hints: ["a", "b", "c"],
      check: { kind: "value", fn: "f", reference: (x) => 2 * (x as number), cases: [{ label: "small", make: () => [1] }, { label: "big", make: () => [800] }] },
    });
    const r = await gradeExercise(def, { f: (x: number) => (x > 100 ? NaN : 3 * x) }, 1);
    expect(r.problem).toBeNull();
    expect(r.headline).toMatch(/^small \(2 of 2 checks failed\)/);
  });

  it("a Check that cannot run names the line of its syntax error", () => {
    expect(errorText({ name: "SyntaxError", message: "Unexpected token (3:5)", line: 3, column: 5, phase: "syntax" })).toBe("syntax error at line 3, column 5: Unexpected token (3:5)");
    expect(errorText({ name: "TypeError", message: "x is not a function", line: 7, phase: "runtime" })).toBe("line 7: x is not a function");
    expect(errorText({ name: "SyntaxError", message: "bad", phase: "syntax" })).toBe("syntax error: bad");
    expect(errorText(undefined)).toBeUndefined();
  });
});

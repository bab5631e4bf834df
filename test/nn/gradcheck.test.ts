import { afterEach, describe, expect, it } from "vitest";
import { setYieldHook } from "../../src/nn/cooperate.ts";
import type { Layer } from "../../src/nn/layer.ts";
import { Matrix } from "../../src/nn/matrix.ts";
import { createParam, type Param } from "../../src/nn/param.ts";
import { createRng, type Rng } from "../../src/nn/rng.ts";
import { relu, sigmoid, tanh } from "../../src/nn/activations.ts";
import { addRowVector, matmul, matmulTransA, matmulTransB, sumColumns } from "../../src/nn/ops.ts";
import {
  checkGradients, checkLayer, checkModel, checkScalarFunction, formatReport, gradientBand, inferPiecewise, numericGradient,
  relativeError,
} from "../../src/nn/gradcheck.ts";
import { elu, leakyRelu } from "../../src/nn/activations.ts";
import { errorSummary } from "../../src/nn/error-summary.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";

function random(rows: number, cols: number, rng: Rng, scale = 1): Matrix {
  return randomMatrix(rows, cols, rng, { std: scale });
}

type Bug = "none" | "signFlip" | "factor2" | "zeros" | "accumulates" | "overwrites" | "mutatesInput" | "nan" | "dxWrong" | "slightlyOff";

/**
 * A dense layer with an activation, written here (not imported from the library's layers) so these tests check the
 * checker only. `bug` plants one deliberate mistake of each kind the checker must catch.
 */
class TestLayer implements Layer {
  readonly kind = "TestLayer";
  readonly W: Param;
  readonly b: Param;
  bug: Bug;
  act: typeof tanh;
  private x: Matrix | null = null;
  private z: Matrix | null = null;
  private hidden: Matrix | null = null; // the "accumulates" bug keeps a running sum here

  constructor(inF: number, outF: number, rng: Rng, bug: Bug = "none", act = tanh) {
    this.W = createParam("W", random(inF, outF, rng));
    this.b = createParam("b", random(1, outF, rng, 0.1));
    this.bug = bug;
    this.act = act;
  }
  describe(): string { return "TestLayer"; }
  parameters(): Param[] { return [this.W, this.b]; }
  forward(x: Matrix): Matrix {
    if (this.bug === "mutatesInput") x.data[0] *= 1.0001;
    this.x = x;
    this.z = addRowVector(matmul(x, this.W.value), this.b.value);
    const out = new Matrix(this.z.rows, this.z.cols);
    for (let k = 0; k < out.data.length; k++) out.data[k] = this.act.f(this.z.data[k]);
    return out;
  }
  backward(dOut: Matrix): Matrix {
    const x = this.x as Matrix, z = this.z as Matrix;
    const dZ = new Matrix(z.rows, z.cols);
    for (let k = 0; k < dZ.data.length; k++) dZ.data[k] = dOut.data[k] * this.act.df(z.data[k]);
    let dW = matmulTransA(x, dZ);
    const db = sumColumns(dZ);
    switch (this.bug) {
      case "signFlip": for (let k = 0; k < dW.data.length; k++) dW.data[k] = -dW.data[k]; break;
      case "factor2": for (let k = 0; k < dW.data.length; k++) dW.data[k] *= 2; break;
      case "zeros": dW.data.fill(0); break;
      case "nan": dW.data[3] = NaN; break;
      case "slightlyOff": for (let k = 0; k < dW.data.length; k++) dW.data[k] *= 1 + 1e-5; break;
      case "accumulates": {
        if (!this.hidden) this.hidden = new Matrix(dW.rows, dW.cols);
        for (let k = 0; k < dW.data.length; k++) this.hidden.data[k] += dW.data[k];
        dW = this.hidden.clone();
        break;
      }
      default: break;
    }
    if (this.bug === "overwrites") {
      this.W.grad.data.set(dW.data);
    } else {
      for (let k = 0; k < dW.data.length; k++) this.W.grad.data[k] += dW.data[k];
    }
    for (let k = 0; k < db.data.length; k++) this.b.grad.data[k] += db.data[k];
    const dX = matmulTransB(dZ, this.W.value);
    if (this.bug === "dxWrong") for (let k = 0; k < dX.data.length; k++) dX.data[k] *= -1;
    return dX;
  }
}

afterEach(() => {
  setYieldHook(null);
});

describe("relativeError(a, n)", () => {
  it("is |a − n| / max(|a| + |n|, 1e-8)", () => {
    expect(relativeError(1, 1)).toBe(0);
    expect(relativeError(1, -1)).toBe(1);
    expect(relativeError(2, 1)).toBeCloseTo(1 / 3, 15);
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1e-10, 0)).toBeCloseTo(1e-2, 15);
  });
});

describe("gradientBand(error, acceptableAllowed?)", () => {
  it("uses the documented thresholds", () => {
    expect(gradientBand(1e-8)).toBe("good");
    expect(gradientBand(1e-7)).toBe("good");
    expect(gradientBand(1e-5)).toBe("suspicious");
    expect(gradientBand(1e-5, true)).toBe("acceptable");
    expect(gradientBand(1e-3, true)).toBe("suspicious");
    expect(gradientBand(0.05, true)).toBe("wrong");
    expect(gradientBand(NaN, true)).toBe("wrong");
  });
});

describe("numericGradient(f, x, h?)", () => {
  it("approximates the gradient of Σ x³ by central differences", () => {
    const x = Matrix.from([[1, -2], [0.5, 3]]);
    const f = () => x.data.reduce((s, v) => s + v ** 3, 0);
    const g = numericGradient(f, x);
    for (let k = 0; k < 4; k++) expect(relativeError(g.data[k], 3 * x.data[k] ** 2)).toBeLessThan(1e-9);
    expect(x.toArray()).toEqual([[1, -2], [0.5, 3]]);
  });
  it("restores x exactly even when f throws", () => {
    const x = Matrix.from([0.1, 0.2]);
    expect(() => numericGradient(() => { throw new Error("boom"); }, x)).toThrow("boom");
    expect(x.row(0)).toEqual([0.1, 0.2]);
  });
  it("rejects a bad step", () => {
    expect(() => numericGradient(() => 0, new Matrix(1, 1), 0)).toThrow("numericGradient: h must be a finite number > 0, got 0");
  });
});

describe("checkGradients({ params, loss, backward, ... })", () => {
  it("passes a correct gradient of a smooth function with errors ≤ 1e-7", async () => {
    const rng = createRng(1);
    const p = createParam("w", random(3, 4, rng));
    const t = random(3, 4, rng);
    // L = Σ tanh(w) ⊙ t + ½ Σ w², dL/dw = (1 − tanh²(w)) ⊙ t + w
    const loss = () => p.value.data.reduce((s, w, k) => s + Math.tanh(w) * t.data[k] + 0.5 * w * w, 0);
    const backward = () => p.value.data.forEach((w, k) => { p.grad.data[k] += (1 - Math.tanh(w) ** 2) * t.data[k] + w; });
    const r = await checkGradients({ params: [p], loss, backward });
    expect(r.ok).toBe(true);
    expect(r.band).toBe("good");
    expect(r.maxError).toBeLessThanOrEqual(1e-7);
    expect(r.checked).toBe(12);
    expect(r.kinks).toBe(0);
    expect(r.problems).toEqual([]);
    // afterwards grad holds the analytic gradient
    expect(p.grad.data[0]).toBeCloseTo((1 - Math.tanh(p.value.data[0]) ** 2) * t.data[0] + p.value.data[0], 14);
  });

  it("reports the real error when every element agrees within rounding noise, never a bare 0", async () => {
    // A linear loss: central differences are exact up to rounding, so every element is within noise.
    const rng = createRng(4);
    const p = createParam("w", random(2, 3, rng));
    const c = random(2, 3, rng);
    const loss = () => p.value.data.reduce((s, w, k) => s + w * c.data[k], 0);
    const backward = () => c.data.forEach((v, k) => { p.grad.data[k] += v; });
    const r = await checkGradients({ params: [p], loss, backward });
    expect(r.ok).toBe(true);
    expect(r.withinNoise).toBe(6);
    expect(r.maxError).toBe(0);
    expect(r.maxNoiseError).toBeGreaterThan(0);
    expect(r.maxNoiseError).toBeLessThan(1e-8);
    expect(r.perParam[0].maxNoiseError).toBe(r.maxNoiseError);
    const text = formatReport(r);
    expect(text).toContain(`max rel. error ${errorSummary(0, r.maxNoiseError)}`);
    expect(text).toMatch(/e-\d+, within rounding noise/);
    expect(text).not.toMatch(/max (rel\. error )?0\b(?!\.)/);
  });

  it("errorSummary(maxError, maxNoiseError) says what a 0 means", () => {
    expect(errorSummary(0.5)).toBe("0.5");
    expect(errorSummary(3.14159e-11)).toBe("3.14e-11");
    expect(errorSummary(0, 3.14159e-11)).toBe("3.14e-11, within rounding noise");
    expect(errorSummary(0, 0)).toBe("0, exact agreement");
    expect(errorSummary(Number.NaN)).toBe("NaN");
  });

  it("flags a gradient off by 1e-5 relative as suspicious, acceptable only when declared piecewise", async () => {
    const rng = createRng(2);
    const p = createParam("w", random(2, 3, rng));
    const loss = () => p.value.data.reduce((s, w) => s + Math.sin(w), 0);
    const backward = () => p.value.data.forEach((w, k) => { p.grad.data[k] += Math.cos(w) * (1 + 1e-5); });
    const strict = await checkGradients({ params: [p], loss, backward });
    expect(strict.ok).toBe(false);
    expect(strict.band).toBe("suspicious");
    const relaxed = await checkGradients({ params: [p], loss, backward, piecewise: true });
    expect(relaxed.ok).toBe(true);
    expect(relaxed.band).toBe("acceptable");
  });

  it("reports a loss that is not deterministic", async () => {
    const p = createParam("w", Matrix.from([1]));
    const rng = createRng(3);
    const r = await checkGradients({ params: [p], loss: () => p.value.data[0] + rng.next(), backward: () => { p.grad.data[0] += 1; } });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/loss\(\) is not deterministic/);
  });

  it("reports a NaN loss and where the loss becomes non-finite", async () => {
    const p = createParam("w", Matrix.from([[1, 2]]));
    const r1 = await checkGradients({ params: [p], loss: () => NaN, backward: () => {} });
    expect(r1.ok).toBe(false);
    expect(r1.problems).toContain("loss is NaN at the checked point");
    // log(w) with w = 1e-6: w − h ≤ 0 → the loss becomes NaN at −h for element (0, 0)
    p.value.data.set([1e-6, 2]);
    const r2 = await checkGradients({
      params: [p],
      loss: () => Math.log(p.value.data[0]) + Math.log(p.value.data[1]),
      backward: () => { p.grad.data[0] += 1 / p.value.data[0]; p.grad.data[1] += 1 / p.value.data[1]; },
      h: 1e-5,
    });
    expect(r2.ok).toBe(false);
    expect(r2.problems.join("\n")).toMatch(/loss became NaN when w\[0, 0\] was moved by −h/);
  });

  it("samples at most maxPerParam elements per parameter, repeatably from the seed", async () => {
    const rng = createRng(4);
    const layer = new TestLayer(6, 5, rng);
    const x = random(4, 6, rng);
    const a = await checkLayer(layer, x, createRng(9), { maxPerParam: 7, keepElements: true });
    const b = await checkLayer(layer, x, createRng(9), { maxPerParam: 7, keepElements: true });
    expect(a.perParam.map((p) => [p.name, p.count, p.total])).toEqual([["W", 7, 30], ["b", 5, 5], ["x", 7, 24]]);
    expect(a.elements?.map((e) => e.index)).toEqual(b.elements?.map((e) => e.index));
    expect(a.ok).toBe(true);
  });

  it("can be interrupted through cooperate(), restoring the parameters", async () => {
    const rng = createRng(5);
    const p = createParam("w", random(20, 20, rng));
    const before = p.value.data.slice();
    let calls = 0;
    setYieldHook(() => { if (++calls > 1) throw new Error("stopped"); }, 0);
    const loss = () => { let s = 0; for (const v of p.value.data) s += v * v; return s; };
    await expect(checkGradients({
      params: [p], loss, backward: () => p.value.data.forEach((v, k) => { p.grad.data[k] += 2 * v; }),
    })).rejects.toThrow("stopped");
    expect(Array.from(p.value.data)).toEqual(Array.from(before));
  });

  it("rejects bad options", async () => {
    const p = createParam("w", Matrix.from([1]));
    await expect(checkGradients({ params: [p], loss: () => 0, backward: () => {}, h: -1 })).rejects.toThrow("checkGradients: h must be a finite number > 0, got -1");
    await expect(checkGradients({ params: [p], loss: () => 0, backward: () => {}, maxPerParam: 0 })).rejects.toThrow("checkGradients: maxPerParam must be ≥ 1, got 0");
  });
});

describe("checkLayer(layer, x, rng, options?)", () => {
  it("takes its rng as the third argument only, and says so when it is elsewhere", async () => {
    const rng = createRng(3);
    const layer = new TestLayer(3, 4, rng);
    await expect(checkLayer(layer, random(2, 3, rng), { rng } as never)).rejects.toThrow(
      "checkLayer: rng comes third, as in checkLayer(layer, x, createRng(1)), got an object");
    await expect(checkLayer(layer, random(2, 3, rng), undefined as never)).rejects.toThrow("got undefined");
    await expect(checkLayer(layer, random(2, 3, rng), rng, { seed: 4 } as never)).rejects.toThrow(
      "checkLayer: seed is not an option here; the rng argument is the one random source");
  });
  it("passes a correct layer: parameters and dX, batch 1 and > 1, errors ≤ 1e-7", async () => {
    for (const batch of [1, 5]) {
      const rng = createRng(10 + batch);
      const r = await checkLayer(new TestLayer(3, 4, rng), random(batch, 3, rng), rng);
      expect(r.ok, formatReport(r)).toBe(true);
      expect(r.band).toBe("good");
      expect(r.maxError).toBeLessThanOrEqual(1e-7);
      expect(r.perParam.map((p) => p.name)).toEqual(["W", "b", "x"]);
      expect(r.perParam[2].input).toBe(true);
    }
  });

  const caught: [Bug, RegExp | null, string][] = [
    ["signFlip", null, "W"],
    ["factor2", null, "W"],
    ["zeros", null, "W"],
    ["dxWrong", null, "x"],
  ];
  for (const [bug, , where] of caught) {
    it(`catches a wrong gradient: ${bug} (band "wrong", worst element in ${where})`, async () => {
      const rng = createRng(20);
      const r = await checkLayer(new TestLayer(3, 4, rng, bug), random(5, 3, rng), rng);
      expect(r.ok).toBe(false);
      expect(r.band).toBe("wrong");
      expect(r.worst?.param).toBe(where);
      expect(r.perParam.find((p) => p.name === where)?.band).toBe("wrong");
      // the other parameters are still reported correct, pointing at the bug
      for (const p of r.perParam) if (p.name !== where) expect(p.band).toBe("good");
    });
  }

  it("catches a gradient that accumulates between calls", async () => {
    const rng = createRng(21);
    const r = await checkLayer(new TestLayer(3, 4, rng, "accumulates"), random(5, 3, rng), rng);
    expect(r.ok).toBe(false);
    expect(r.problems.join("\n")).toMatch(/backward is not repeatable: W\[0, 0\] was .* on the first run and .* on the second \(2×\)/);
  });

  it("catches a backward that overwrites Param.grad instead of adding to it", async () => {
    const rng = createRng(22);
    const r = await checkLayer(new TestLayer(3, 4, rng, "overwrites"), random(5, 3, rng), rng);
    expect(r.ok).toBe(false);
    expect(r.problems.join("\n")).toMatch(/backward overwrote W.grad instead of adding to it/);
  });

  it("catches a layer that modifies its input", async () => {
    const rng = createRng(23);
    const x = random(5, 3, rng);
    const x0 = x.data.slice();
    const r = await checkLayer(new TestLayer(3, 4, rng, "mutatesInput"), x, rng);
    expect(r.ok).toBe(false);
    expect(r.problems.join("\n")).toMatch(/x \(5x3\) was modified at \(0, 0\)/);
    expect(Array.from(x.data)).toEqual(Array.from(x0)); // restored for the caller
  });

  it("catches NaN in the analytic gradient, naming where", async () => {
    const rng = createRng(24);
    const r = await checkLayer(new TestLayer(3, 4, rng, "nan"), random(5, 3, rng), rng);
    expect(r.ok).toBe(false);
    expect(r.band).toBe("wrong");
    expect(r.problems).toContain("NaN in the analytic gradient of W at (0, 3)");
  });

  it("catches a gradient that is only slightly off (1e-5) in a smooth layer", async () => {
    const rng = createRng(25);
    const r = await checkLayer(new TestLayer(3, 4, rng, "slightlyOff"), random(5, 3, rng), rng);
    expect(r.ok).toBe(false);
    expect(r.perParam[0].band).toBe("suspicious");
  });

  it("detects a kink: a ReLU unit sitting exactly at z = 0 is marked near a kink and does not fail a correct layer", async () => {
    const rng = createRng(26);
    const layer = new TestLayer(2, 3, rng, "none", relu);
    const x = random(4, 2, rng);
    // put unit 1 of example 0 exactly on the kink: b₁ = −(x₀·W[:,1])
    layer.b.value.data[1] = 0;
    const z = matmul(x, layer.W.value);
    layer.b.value.data[1] = -z.get(0, 1);
    const r = await checkLayer(layer, x, rng, { keepElements: true });
    expect(r.kinks).toBeGreaterThan(0);
    expect(r.elements?.some((e) => e.param === "b" && e.index[1] === 1 && e.nearKink)).toBe(true);
    expect(r.ok, formatReport(r)).toBe(true);
    // …but a wrong ReLU derivative (1 everywhere) at the same point is still caught
    const wrong = new TestLayer(2, 3, createRng(26), "none", { ...relu, df: () => 1 });
    wrong.W.value.data.set(layer.W.value.data);
    wrong.b.value.data.set(layer.b.value.data);
    const r2 = await checkLayer(wrong, x, createRng(26));
    expect(r2.ok).toBe(false);
  });
});

describe("checkGradients: kinks, curvature and rounding noise", () => {
  it("does not mistake strong curvature at a near-zero gradient for a kink", async () => {
    // L = Σ cosh(10 w) near w = 0: gradient ≈ 0, curvature 100
    const p = createParam("w", Matrix.from([[1e-6, -2e-6, 3e-7]]));
    const loss = () => p.value.data.reduce((s, w) => s + Math.cosh(10 * w), 0);
    const backward = () => p.value.data.forEach((w, k) => { p.grad.data[k] += 10 * Math.sinh(10 * w); });
    const r = await checkGradients({ params: [p], loss, backward });
    expect(r.kinks).toBe(0);
    expect(r.piecewise).toBe(false);
    expect(r.ok, formatReport(r)).toBe(true);
  });
  it("confirms a kink of |w| crossed within h, excuses the correct one-sided derivative and still catches a wrong one", async () => {
    const p = createParam("w", Matrix.from([[3e-7, 0.5]])); // the kink of |w| at 0 lies within h/10 too
    const loss = () => Math.abs(p.value.data[0]) + Math.abs(p.value.data[1]);
    const good = await checkGradients({ params: [p], loss, backward: () => { p.grad.data[0] += 1; p.grad.data[1] += 1; }, keepElements: true });
    expect(good.elements?.[0].nearKink).toBe(true);
    expect(good.elements?.[1].nearKink).toBe(false);
    expect(good.kinks).toBe(1);
    expect(good.ok, formatReport(good)).toBe(true);
    const bad = await checkGradients({ params: [p], loss, backward: () => { p.grad.data[0] -= 1; p.grad.data[1] += 1; } });
    expect(bad.ok).toBe(false);
    expect(bad.worst?.index).toEqual([0, 0]);
  });
  it("verifies with a smaller step when the kink is crossed at h but not at h/10", async () => {
    const p = createParam("w", Matrix.from([[3e-6]]));
    const r = await checkGradients({
      params: [p], loss: () => Math.abs(p.value.data[0]), backward: () => { p.grad.data[0] += 1; }, keepElements: true,
    });
    expect(r.elements?.[0].step).toBeCloseTo(1e-6, 20);
    expect(r.elements?.[0].nearKink).toBe(false);
    expect(r.ok).toBe(true);
    expect(r.band).toBe("good");
  });
  it("treats differences below rounding noise as good, and reports them", async () => {
    // a huge loss (1e8) makes the difference quotient noisy for the tiny gradient of element 1
    const p = createParam("w", Matrix.from([[1, 1e-9]]));
    const loss = () => 1e8 + p.value.data[0] ** 2 + 1e-9 * p.value.data[1];
    const r = await checkGradients({ params: [p], loss, backward: () => { p.grad.data[0] += 2 * p.value.data[0]; p.grad.data[1] += 1e-9; } });
    expect(r.withinNoise).toBeGreaterThanOrEqual(1);
    expect(r.ok).toBe(true);
    expect(formatReport(r)).toMatch(/agree within rounding noise/);
  });
});

describe("inferPiecewise(model)", () => {
  const dense = { kind: "Dense" };
  const act = (fn: object) => ({ kind: "Activation", fn });
  it("is false when every part is known smooth, true when any part has kinks, undefined when unknown", () => {
    expect(inferPiecewise({ layers: [dense, act(tanh), dense, { kind: "Softmax" }] })).toBe(false);
    expect(inferPiecewise({ layers: [dense, act(relu), dense] })).toBe(true);
    expect(inferPiecewise({ layers: [dense, act(elu)] })).toBe(true);
    expect(inferPiecewise({ layers: [dense, act(leakyRelu)] })).toBe(true);
    expect(inferPiecewise({ layers: [dense, { kind: "Maxout" }] })).toBe(true);
    expect(inferPiecewise({ layers: [dense, { kind: "MyLayer" }] })).toBeUndefined();
    expect(inferPiecewise({ layers: [{ kind: "MyLayer" }, act(relu)] })).toBe(true);
    expect(inferPiecewise(null)).toBeUndefined();
  });
});

describe("checkModel(model, x, y, lossFn, options?)", () => {
  function twoLayers(rng: Rng, bug: Bug = "none") {
    const l1 = new TestLayer(2, 5, rng), l2 = new TestLayer(5, 3, rng, bug, { ...tanh, f: (z) => z, df: () => 1, name: "identity" });
    l1.W.name = "l1.W"; l1.b.name = "l1.b"; l2.W.name = "l2.W"; l2.b.name = "l2.b";
    return {
      forward: (x: Matrix) => l2.forward(l1.forward(x)),
      backward: (d: Matrix) => l1.backward(l2.backward(d)),
      parameters: () => [...l1.parameters(), ...l2.parameters()],
    };
  }
  it("passes a correct two-layer model under softmax cross-entropy and mse", async () => {
    const rng = createRng(30);
    const x = random(6, 2, rng);
    const r = await checkModel(twoLayers(rng), x, [0, 1, 2, 0, 1, 2], "softmaxCrossEntropy");
    expect(r.ok, formatReport(r)).toBe(true);
    expect(r.maxError).toBeLessThanOrEqual(1e-7);
    const r2 = await checkModel(twoLayers(rng), x, random(6, 3, rng), "mse");
    expect(r2.ok).toBe(true);
  });
  it("catches a wrong layer inside a model and names its parameter", async () => {
    const rng = createRng(31);
    const r = await checkModel(twoLayers(rng, "factor2"), random(6, 2, rng), [0, 1, 2, 0, 1, 2], "softmaxCrossEntropy");
    expect(r.ok).toBe(false);
    expect(r.worst?.param).toBe("l2.W");
  });
});

describe("checkScalarFunction(f, df, points, options?)", () => {
  const rng = createRng(40);
  const points = Array.from({ length: 50 }, () => rng.uniform(-4, 4));
  it("passes correct derivatives (sigmoid, tanh)", () => {
    for (const act of [sigmoid, tanh]) {
      const r = checkScalarFunction(act.f, act.df, points);
      expect(r.ok).toBe(true);
      expect(r.maxError).toBeLessThanOrEqual(1e-7);
    }
  });
  it("catches wrong derivatives: σ′ = σ, 2·tanh′, sign flip, zeros", () => {
    const wrong: [(z: number) => number, (z: number) => number][] = [
      [sigmoid.f, sigmoid.f],
      [tanh.f, (z) => 2 * tanh.df(z)],
      [tanh.f, (z) => -tanh.df(z)],
      [sigmoid.f, () => 0],
    ];
    for (const [f, df] of wrong) {
      const r = checkScalarFunction(f, df, points);
      expect(r.ok).toBe(false);
      expect(r.band).toBe("wrong");
    }
  });
  it("detects the kink of relu at 0 and refuses to grade only kink points", () => {
    const r = checkScalarFunction(relu.f, relu.df, [-1, 0, 0.5, 2]);
    expect(r.kinks).toBe(1);
    expect(r.points[1].nearKink).toBe(true);
    expect(r.ok).toBe(true);
    const onlyKink = checkScalarFunction(relu.f, relu.df, [0]);
    expect(onlyKink.ok).toBe(false);
    expect(onlyKink.problems[0]).toMatch(/every point \(1\) is near a kink/);
    // a wrong derivative that matches neither side of the kink is still wrong there
    const r3 = checkScalarFunction(relu.f, () => -1, [0]);
    expect(r3.points[0].band).toBe("wrong");
  });
  it("reports a non-finite derivative", () => {
    const r = checkScalarFunction(Math.sqrt, (z) => 0.5 / Math.sqrt(z), [0.5, -1]);
    expect(r.ok).toBe(false);
    expect(r.problems.join("\n")).toMatch(/f is not finite near z = -1/);
  });
});

describe("formatReport(report)", () => {
  it("summarises verdict, per-parameter lines, worst element and problems", async () => {
    const rng = createRng(50);
    const good = await checkLayer(new TestLayer(3, 2, rng), random(4, 3, rng), rng);
    const text = formatReport(good);
    expect(text).toMatch(/^gradient check: ok \(good\), max rel. error/);
    expect(text).toMatch(/\n {2}W +3x2 +6 checked/);
    const bad = await checkLayer(new TestLayer(3, 2, rng, "accumulates"), random(4, 3, rng), rng);
    const badText = formatReport(bad);
    expect(badText).toMatch(/^gradient check: FAILED \(wrong\)/);
    expect(badText).toMatch(/problems:\n {2}- backward is not repeatable/);
    expect(formatReport(checkScalarFunction(Math.sin, Math.cos, [0.1, 1]))).toMatch(/^derivative check: ok \(good\)/);
  });
});

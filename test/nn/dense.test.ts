import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { Dense } from "../../src/nn/dense.ts";
import { heNormal, xavierUniform } from "../../src/nn/init.ts";
import { matmul, transpose } from "../../src/nn/ops.ts";
import { checkLayer } from "../../src/nn/gradcheck.ts";
import { expectCaught, expectGood, inputFaults, paramFaults, randn } from "./layer-faults.ts";

describe("new Dense(in, out, { rng, init, name, weights, bias })", () => {
  it("creates W (in×out) from the initializer and b (1×out) zeros, named ${name}.W and ${name}.b", () => {
    const layer = new Dense(3, 5, { rng: createRng(1), init: "he", name: "hidden" });
    expect(layer.W.value.shape).toBe("3x5");
    expect(layer.b.value.shape).toBe("1x5");
    expect(Array.from(layer.W.value.data)).toEqual(Array.from(heNormal(3, 5, createRng(1)).data));
    expect(layer.b.value.data.every((v) => v === 0)).toBe(true);
    expect(layer.parameters().map((p) => p.name)).toEqual(["hidden.W", "hidden.b"]);
    expect(layer.parameters().map((p) => p.grad.shape)).toEqual(["3x5", "1x5"]);
    expect(layer.describe()).toBe("Dense(3 → 5, he)");
  });
  it("defaults to xavier; accepts an initializer function and shows its name", () => {
    expect(Array.from(new Dense(4, 2, { rng: createRng(2) }).W.value.data)).toEqual(Array.from(xavierUniform(4, 2, createRng(2)).data));
    expect(new Dense(4, 2, { rng: createRng(2), init: xavierUniform }).describe()).toBe("Dense(4 → 2, xavierUniform)");
    expect(new Dense(4, 2, { rng: createRng(2), init: (i, o) => Matrix.full(i, o, 0.1) }).describe()).toBe("Dense(4 → 2, custom)");
  });
  it("takes exact weights and bias (copied)", () => {
    const w = [[1, 0, -1], [2, 1, 0]];
    const layer = new Dense(2, 3, { weights: w, bias: [0.5, 0, -0.5] });
    w[0][0] = 99;
    expect(layer.W.value.toArray()).toEqual([[1, 0, -1], [2, 1, 0]]);
    expect(layer.describe()).toBe("Dense(2 → 3, given)");
  });
  it("setName(name) renames the parameters", () => {
    const layer = new Dense(1, 1, { rng: createRng(1) });
    layer.setName("out");
    expect(layer.parameters().map((p) => p.name)).toEqual(["out.W", "out.b"]);
  });
  it("rejects bad sizes, a missing rng, unknown initializers and mis-shaped weights", () => {
    const rng = createRng(1);
    expect(() => new Dense(0, 2, { rng })).toThrow("dense: inFeatures must be a positive integer, got 0");
    expect(() => new Dense(2, 2.5, { rng })).toThrow("dense: outFeatures must be a positive integer, got 2.5");
    expect(() => new Dense(2, 2)).toThrow("dense: needs an rng to initialise W (or explicit weights)");
    expect(() => new Dense(2, 2, { rng, init: "glorious" })).toThrow(/unknown initializer: glorious/);
    expect(() => new Dense(2, 3, { weights: [[1, 2], [3, 4]] })).toThrow("dense: weights are 2x2, expected 2x3");
    expect(() => new Dense(2, 2, { weights: [[1, 2], [3, 4]], bias: [1, 2, 3] })).toThrow("dense: bias is 1x3, expected 1x2");
    expect(() => new Dense(2, 2, { rng, init: () => Matrix.zeros(1, 1) })).toThrow("dense: initializer returned 1x1, expected 2x2");
  });
});

describe("Dense.forward(x)", () => {
  const layer = () => new Dense(2, 3, { weights: [[1, 0, -1], [2, 1, 0]], bias: [0.5, 0, -0.5] });
  it("computes Z = X·W + b row by row", () => {
    expect(layer().forward(Matrix.from([[1, 2], [0, -1]])).toArray()).toEqual([[5.5, 2, -1.5], [-1.5, -1, -0.5]]);
  });
  it("matches matmul plus the bias on random shapes, batch 1 and > 1", () => {
    const rng = createRng(3);
    for (const [n, i, o] of [[1, 1, 1], [1, 5, 3], [7, 4, 6], [33, 9, 2]]) {
      const d = new Dense(i, o, { rng, bias: Array.from({ length: o }, () => rng.normal()) });
      const x = randn(rng, n, i);
      const ref = matmul(x, d.W.value);
      for (let r = 0; r < n; r++) for (let c = 0; c < o; c++) ref.data[r * o + c] += d.b.value.data[c];
      const z = d.forward(x);
      z.data.forEach((v, k) => expect(v).toBeCloseTo(ref.data[k], 12));
    }
  });
  it("predict(x) gives the same output", () => {
    const x = Matrix.from([[1, 2]]);
    expect(layer().predict(x).toArray()).toEqual(layer().forward(x).toArray());
  });
  it("names both shapes when the input width is wrong", () => {
    expect(() => layer().forward(Matrix.zeros(4, 3))).toThrow("dense: input has 3 features, expected 2 (input 4x3 · W 2x3)");
  });
});

describe("Dense.backward(dOut)", () => {
  it("adds dW = Xᵀ·dZ and db = column sums of dZ, returns dX = dZ·Wᵀ", () => {
    const rng = createRng(4);
    const d = new Dense(3, 2, { rng });
    const x = randn(rng, 5, 3), dz = randn(rng, 5, 2);
    d.forward(x);
    const dx = d.backward(dz);
    const dW = matmul(transpose(x), dz), dX = matmul(dz, transpose(d.W.value));
    d.W.grad.data.forEach((v, k) => expect(v).toBeCloseTo(dW.data[k], 12));
    dx.data.forEach((v, k) => expect(v).toBeCloseTo(dX.data[k], 12));
    for (let j = 0; j < 2; j++) expect(d.b.grad.data[j]).toBeCloseTo(dz.toArray().reduce((s, row) => s + row[j], 0), 12);
  });
  it("accumulates: a second backward adds the same again", () => {
    const rng = createRng(5);
    const d = new Dense(2, 2, { rng });
    const x = randn(rng, 3, 2), dz = randn(rng, 3, 2);
    d.forward(x);
    d.backward(dz);
    const once = [...d.W.grad.data, ...d.b.grad.data];
    d.backward(dz);
    [...d.W.grad.data, ...d.b.grad.data].forEach((v, k) => expect(v).toBeCloseTo(2 * once[k], 12));
  });
  it("leaves its input and dOut unchanged", () => {
    const rng = createRng(6);
    const d = new Dense(3, 3, { rng });
    const x = randn(rng, 4, 3), dz = randn(rng, 4, 3);
    const xs = x.clone(), dzs = dz.clone();
    d.forward(x);
    d.backward(dz);
    expect(x.toArray()).toEqual(xs.toArray());
    expect(dz.toArray()).toEqual(dzs.toArray());
  });
  it("rejects a call before forward and a dOut of the wrong shape", () => {
    const d = new Dense(2, 3, { rng: createRng(1) });
    expect(() => d.backward(Matrix.zeros(1, 3))).toThrow("dense: backward called before forward");
    d.forward(Matrix.zeros(4, 2));
    expect(() => d.backward(Matrix.zeros(4, 2))).toThrow("dense: dOut is 4x2, expected 4x3 (the forward output's shape)");
  });
});

describe("Dense: gradient check (checkLayer)", () => {
  it("passes at random points (≤ 1e-7), batch 1 and > 1, params and dX", async () => {
    const rng = createRng(7);
    for (const [n, i, o] of [[1, 3, 4], [1, 1, 1], [5, 3, 4], [16, 7, 3], [2, 10, 10]]) {
      for (let trial = 0; trial < 3; trial++) {
        const layer = new Dense(i, o, { rng, init: "he", bias: Array.from({ length: o }, () => rng.normal()) });
        const report = await checkLayer(layer, randn(rng, n, i), rng);
        expectGood(report, true);
        expect(report.perParam.map((p) => p.name)).toEqual(["dense.W", "dense.b", "x"]);
      }
    }
  });
  it("catches every kind of wrong parameter gradient, on W and on b", async () => {
    const rng = createRng(8);
    for (const fault of paramFaults) {
      for (const p of [0, 1]) {
        await expectCaught(() => new Dense(3, 4, { rng: createRng(9) }), fault, p, randn(rng, 5, 3), rng);
      }
    }
  });
  it("catches wrong input gradients and a backward that changes its input", async () => {
    const rng = createRng(10);
    for (const fault of inputFaults) await expectCaught(() => new Dense(3, 4, { rng: createRng(9) }), fault, 0, randn(rng, 5, 3), rng);
  });
  it("catches a hand-written backward that forgets the bias (a subclass)", async () => {
    class NoBias extends Dense {
      override backward(dOut: Matrix): Matrix {
        const x = this.input!;
        const dW = matmul(transpose(x), dOut);
        for (let k = 0; k < dW.size; k++) this.W.grad.data[k] += dW.data[k];
        return matmul(dOut, transpose(this.W.value));
      }
    }
    const rng = createRng(11);
    const report = await checkLayer(new NoBias(3, 2, { rng }), randn(rng, 4, 3), rng);
    expect(report.ok).toBe(false);
    expect(report.worst?.param).toBe("dense.b");
    expect(report.perParam.find((p) => p.name === "dense.W")?.band).toBe("good");
  });
  it("catches a subclass that uses W instead of Wᵀ-like transposition mistakes (dX = dZ·W on a square layer)", async () => {
    class Untransposed extends Dense {
      override backward(dOut: Matrix): Matrix {
        super.backward(dOut);
        return matmul(dOut, this.W.value); // shape-compatible only because W is square
      }
    }
    const rng = createRng(12);
    const report = await checkLayer(new Untransposed(3, 3, { rng }), randn(rng, 4, 3), rng);
    expect(report.ok).toBe(false);
    expect(report.worst?.param).toBe("x");
  });
});

import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng, type Rng } from "../../src/nn/rng.ts";
import type { Layer } from "../../src/nn/layer.ts";
import { Dense } from "../../src/nn/dense.ts";
import { Activation, Softmax } from "../../src/nn/activation-layer.ts";
import { PReLU } from "../../src/nn/prelu.ts";
import { Maxout } from "../../src/nn/maxout.ts";
import { Sequential, mlp, smallXavier } from "../../src/nn/sequential.ts";
import { softmaxCrossEntropy } from "../../src/nn/losses.ts";
import { checkLayer, checkModel } from "../../src/nn/gradcheck.ts";
import { expectGood, inject, paramFaults } from "./layer-faults.ts";

import { randn } from "./layer-faults.ts";

const small = (seed = 1) => {
  const rng = createRng(seed);
  return new Sequential([new Dense(2, 3, { rng }), new Activation("tanh"), new Dense(3, 4, { rng }), new Activation("relu"), new Dense(4, 2, { rng })]);
};

describe("new Sequential(layers)", () => {
  it("forward(x) chains the layers; backward(dOut) chains their backward passes in reverse", () => {
    const rng = createRng(5);
    const model = small(5);
    const x = randn(rng, 6, 2), d = randn(rng, 6, 2);
    const y = model.forward(x);
    let manual = x;
    for (const l of model.layers) manual = l.forward(manual);
    expect(y.toArray()).toEqual(manual.toArray());
    const dx = model.backward(d);
    let md = d;
    for (const l of [...model.layers].reverse()) md = l.backward(md);
    expect(dx.shape).toBe("6x2");
    expect(dx.toArray()).toEqual(md.toArray());
  });
  it("parameters() names each parameter after its numbered layer: dense1.W, dense1.b, dense2.W, ...", () => {
    const model = small();
    expect(model.parameters().map((p) => p.name)).toEqual(["dense1.W", "dense1.b", "dense2.W", "dense2.b", "dense3.W", "dense3.b"]);
    expect(model.layers.map((l) => (l as unknown as { name: string }).name)).toEqual(["dense1", "tanh1", "dense2", "relu1", "dense3"]);
  });
  it("keeps explicit names and numbers default names per kind", () => {
    const rng = createRng(2);
    const model = new Sequential([
      new Dense(2, 3, { rng, name: "encoder" }), new PReLU(3), new Maxout(3, 4, { rng }), new Dense(4, 2, { rng }), new Softmax(),
    ]);
    expect(model.parameters().map((p) => p.name)).toEqual(["encoder.W", "encoder.b", "prelu1.alpha", "maxout1.W", "maxout1.b", "dense1.W", "dense1.b"]);
  });
  it("renumbers a layer moved into a second model instead of growing its name (dense1 → dense1, not dense11)", () => {
    const rng = createRng(2);
    const a = new Dense(2, 2, { rng }), b = new Dense(2, 2, { rng });
    new Sequential([a, b]);
    new Sequential([b, a]);
    expect([b.name, a.name]).toEqual(["dense1", "dense2"]);
  });
  it("a layer used twice shares its parameters: listed once, gradients from both uses summed", () => {
    const rng = createRng(3);
    const shared = new Dense(2, 2, { rng });
    const model = new Sequential([shared, new Activation("tanh"), shared]);
    expect(model.parameters()).toHaveLength(2);
    expect(model.parameterCount).toBe(6);
    expect(model.summaryRows().map((r) => r.parameters)).toEqual([6, 0, 0]);
  });
  it("zeroGrad() clears every gradient; gradients accumulate without it", () => {
    const rng = createRng(4);
    const model = small(4);
    const x = randn(rng, 3, 2), d = randn(rng, 3, 2);
    model.forward(x);
    model.backward(d);
    const once = model.parameters().map((p) => Array.from(p.grad.data));
    model.forward(x);
    model.backward(d);
    model.parameters().forEach((p, k) => p.grad.data.forEach((g, i) => expect(g).toBeCloseTo(2 * once[k][i], 12)));
    model.zeroGrad();
    for (const p of model.parameters()) expect(p.grad.data.every((g) => g === 0)).toBe(true);
  });
  it("predict(x) gives forward's output without disturbing the cache a later backward uses", () => {
    const rng = createRng(6);
    const model = small(6);
    const x = randn(rng, 4, 2), other = randn(rng, 7, 2), d = randn(rng, 4, 2);
    const y = model.forward(x);
    expect(model.predict(x).toArray()).toEqual(y.toArray());
    model.forward(x);
    model.backward(d);
    const expected = model.parameters().map((p) => Array.from(p.grad.data));
    model.zeroGrad();
    model.forward(x);
    model.predict(other); // e.g. evaluating on a validation batch mid-step
    model.backward(d);
    model.parameters().forEach((p, k) => expect(Array.from(p.grad.data)).toEqual(expected[k]));
  });
  it("nests: a Sequential is itself a layer", () => {
    const rng = createRng(7);
    const inner = new Sequential([new Dense(2, 3, { rng, name: "a" }), new Activation("tanh")]);
    const outer = new Sequential([inner, new Dense(3, 1, { rng, name: "b" })]);
    expect(outer.parameters().map((p) => p.name)).toEqual(["a.W", "a.b", "b.W", "b.b"]);
    expect(outer.forward(randn(rng, 5, 2)).shape).toBe("5x1");
  });
  it("accepts a learner's own layer (only forward, backward, parameters, kind, describe)", () => {
    const double: Layer = {
      kind: "Double",
      describe: () => "Double",
      forward: (x) => { const y = x.clone(); y.data.forEach((v, i) => (y.data[i] = 2 * v)); return y; },
      backward: (d) => { const y = d.clone(); y.data.forEach((v, i) => (y.data[i] = 2 * v)); return y; },
      parameters: () => [],
    };
    const model = new Sequential([new Dense(2, 2, { weights: [[1, 0], [0, 1]] }), double]);
    expect(model.forward(Matrix.from([[1, 2]])).toArray()).toEqual([[2, 4]]);
    expect(model.predict(Matrix.from([[1, 2]])).toArray()).toEqual([[2, 4]]);
    expect(model.summaryRows()[1]).toEqual({ index: 1, name: "Double", description: "Double", outputFeatures: null, parameters: 0 });
  });
});

describe("Sequential.summary()", () => {
  it("lists every layer with name, description, output width and parameter count, and the total", () => {
    const model = small();
    const text = model.summary();
    const lines = text.split("\n");
    expect(lines[0]).toBe("Sequential: 5 layers, 35 parameters, input 2");
    expect(lines[1]).toMatch(/#\s+name\s+layer\s+output\s+params/);
    expect(lines[2]).toMatch(/^\s+0\s+dense1\s+Dense\(2 → 3, xavier\)\s+3\s+9$/);
    expect(lines[3]).toMatch(/^\s+1\s+tanh1\s+Activation\(tanh\)\s+3\s+0$/);
    expect(lines[6]).toMatch(/^\s+4\s+dense3\s+Dense\(4 → 2, xavier\)\s+2\s+10$/);
    expect(lines[7].trim()).toBe("total 35");
    expect(lines).toHaveLength(8);
    // Columns line up: every "params" entry ends in the same column.
    expect(new Set(lines.slice(1, 8).map((l) => l.length)).size).toBe(1);
  });
  it("groups thousands and matches parameterCount; toString() and console.log show it", () => {
    const model = mlp([2, 64, 64, 3], { rng: createRng(1), hidden: "tanh" });
    expect(model.parameterCount).toBe(2 * 64 + 64 + 64 * 64 + 64 + 64 * 3 + 3);
    expect(model.summary()).toContain("4,547 parameters");
    expect(model.summary()).toMatch(/total 4,547$/);
    expect(String(model)).toBe(model.summary());
    expect(inspect(model)).toBe(model.summary());
  });
  it("summaryRows() gives the same as plain data", () => {
    expect(small().summaryRows()[2]).toEqual({ index: 2, name: "dense2", description: "Dense(3 → 4, xavier)", outputFeatures: 4, parameters: 16 });
  });
  it("describe() chains the layer descriptions", () => {
    expect(small().describe()).toBe(
      "Sequential(Dense(2 → 3, xavier) → Activation(tanh) → Dense(3 → 4, xavier) → Activation(relu) → Dense(4 → 2, xavier))",
    );
  });
});

describe("Sequential errors", () => {
  const rng = createRng(9);
  it("rejects an empty stack or something that is not a layer", () => {
    expect(() => new Sequential([])).toThrow("sequential: needs a non-empty array of layers");
    expect(() => new Sequential([new Dense(2, 2, { rng }), 3 as unknown as Layer])).toThrow(/sequential: layer 1 is not a layer/);
  });
  it("rejects layers whose widths do not fit, naming the layer and both widths", () => {
    expect(() => new Sequential([new Dense(2, 3, { rng }), new Activation("relu"), new Dense(4, 1, { rng })])).toThrow(
      "sequential: layer 2 (dense2) does not fit: dense: input has 3 features, expected 4",
    );
    expect(() => new Sequential([new Dense(2, 3, { rng }), new PReLU(5)])).toThrow(/layer 1 \(prelu1\).*prelu: input has 3 features, expected 5/);
  });
  it("rejects two different parameters with the same name", () => {
    expect(() => new Sequential([new Dense(2, 2, { rng, name: "x" }), new Dense(2, 2, { rng, name: "x" })])).toThrow(
      'sequential: two parameters are named "x.W" (layers 0 and 1); give the layers distinct names',
    );
  });
  it("says which layer failed in forward and backward", () => {
    const model = small();
    expect(() => model.forward(Matrix.zeros(4, 3))).toThrow("dense: input has 3 features, expected 2 (input 4x3 · W 2x3) (in layer 0, dense1, forward)");
    model.forward(Matrix.zeros(4, 2));
    expect(() => model.backward(Matrix.zeros(4, 3))).toThrow(/dense: dOut is 4x3, expected 4x2.*\(in layer 4, dense3, backward\)/);
  });
});

describe("mlp(sizes, { hidden, output, rng, init })", () => {
  it("builds Dense layers of the given widths with the hidden activation between them", () => {
    const model = mlp([2, 16, 8, 3], { rng: createRng(1) });
    expect(model.layers.map((l) => l.describe())).toEqual([
      "Dense(2 → 16, he)", "Activation(relu)", "Dense(16 → 8, he)", "Activation(relu)", "Dense(8 → 3, xavier×0.1)",
    ]);
    expect(model.name).toBe("MLP");
    expect(model.forward(Matrix.zeros(5, 2)).shape).toBe("5x3");
  });
  it("uses xavier for tanh/sigmoid, adds an output activation or Softmax, and a learnable PReLU when asked", () => {
    const t = mlp([2, 4, 1], { rng: createRng(1), hidden: "tanh", output: "sigmoid" });
    expect(t.layers.map((l) => l.describe())).toEqual(["Dense(2 → 4, xavier)", "Activation(tanh)", "Dense(4 → 1, xavier×0.1)", "Activation(sigmoid)"]);
    const s = mlp([2, 4, 3], { rng: createRng(1), output: "softmax", init: "heUniform" });
    expect(s.layers.map((l) => l.describe())).toEqual(["Dense(2 → 4, heUniform)", "Activation(relu)", "Dense(4 → 3, heUniform)", "Softmax"]);
    const p = mlp([2, 4, 3], { rng: createRng(1), hidden: "prelu" });
    expect(p.parameters().map((q) => q.name)).toEqual(["dense1.W", "dense1.b", "prelu1.alpha", "dense2.W", "dense2.b"]);
  });
  it("is repeatable for a seed and differs across seeds", () => {
    const w = (seed: number) => Array.from(mlp([3, 5, 2], { rng: createRng(seed) }).parameters()[0].value.data);
    expect(w(11)).toEqual(w(11));
    expect(w(11)).not.toEqual(w(12));
  });
  it("starts a classifier at softmax cross-entropy ≈ ln C (within 0.15)", () => {
    for (const [hidden, C] of [["relu", 3], ["relu", 10], ["tanh", 3], ["leakyRelu", 5]] as const) {
      for (let seed = 0; seed < 5; seed++) {
        const rng = createRng(100 + seed);
        const model = mlp([2, 32, 32, C], { rng, hidden });
        const x = randn(rng, 200, 2);
        const labels = Array.from({ length: 200 }, () => rng.int(C));
        const { loss } = softmaxCrossEntropy(model.forward(x), labels);
        expect(Math.abs(loss - Math.log(C))).toBeLessThan(0.15);
      }
    }
  });
  it("smallXavier draws Glorot-uniform weights scaled by 0.1", () => {
    const w = smallXavier(50, 50, createRng(1));
    const limit = 0.1 * Math.sqrt(6 / 100);
    expect(w.data.every((v) => Math.abs(v) <= limit)).toBe(true);
    expect(Math.max(...w.data.map(Math.abs))).toBeGreaterThan(0.9 * limit);
  });
  it("rejects bad sizes, a missing rng and unknown activations, naming the bad value", () => {
    const rng = createRng(1);
    expect(() => mlp([3], { rng })).toThrow("mlp: sizes must list at least 2 widths (inputs and outputs), got [3]");
    expect(() => mlp([2, 0, 1], { rng })).toThrow("mlp: size 1 must be a positive integer, got 0");
    expect(() => mlp([2, 1.5, 1], { rng })).toThrow("mlp: size 1 must be a positive integer, got 1.5");
    expect(() => mlp([2, 3], undefined as unknown as { rng: Rng })).toThrow(/mlp: needs an rng/);
    expect(() => mlp([2, 3, 1], { rng, hidden: "swish" })).toThrow(/unknown activation: swish/);
  });
});

describe("Sequential: gradient check (checkModel, checkLayer)", () => {
  it("an mlp passes with softmaxCrossEntropy, mse and bce (≤ 1e-7), batch 1 and > 1", async () => {
    const rng = createRng(51);
    for (const hidden of ["tanh", "sigmoid", "elu", "relu"]) {
      for (const rows of [1, 8]) {
        const model = mlp([3, 5, 4, 3], { rng, hidden, init: "xavierNormal" });
        const x = randn(rng, rows, 3);
        const labels = Array.from({ length: rows }, () => rng.int(3));
        expectGood(await checkModel(model, x, labels, "softmaxCrossEntropy", { rng }));
        expectGood(await checkModel(model, x, randn(rng, rows, 3), "mse", { rng }));
        const targets = new Matrix(rows, 3);
        for (let k = 0; k < targets.size; k++) targets.data[k] = rng.int(2);
        expectGood(await checkModel(model, x, targets, "bce", { rng }));
      }
    }
  });
  it("a stack of every layer kind passes checkLayer, params and dX", async () => {
    const rng = createRng(52);
    for (const rows of [1, 6]) {
      const model = new Sequential([
        new Dense(3, 4, { rng, bias: [0.1, -0.2, 0.3, 0] }), new PReLU(4), new Maxout(4, 3, { rng, pieces: 3 }),
        new Activation("tanh"), new Dense(3, 3, { rng }), new Softmax(),
      ]);
      const report = await checkLayer(model, randn(rng, rows, 3), rng);
      expectGood(report);
      expect(report.perParam.map((p) => p.name)).toEqual([
        "dense1.W", "dense1.b", "prelu1.alpha", "maxout1.W", "maxout1.b", "dense2.W", "dense2.b", "x",
      ]);
    }
  });
  it("a model with one faulty inner layer fails, and the report names that layer's parameter", async () => {
    const rng = createRng(53);
    for (const fault of paramFaults) {
      const model = mlp([3, 4, 4, 2], { rng: createRng(54), hidden: "tanh" });
      inject(model.layers[2], fault, 0); // dense2.W
      const x = randn(rng, 5, 3);
      const report = await checkModel(model, x, [0, 1, 1, 0, 1], "softmaxCrossEntropy", { rng });
      expect(report.ok).toBe(false);
      // The layers before it still get correct gradients: the fault is in dense2.W's gradient, not in dX.
      expect(report.perParam.find((p) => p.name === "dense1.W")!.band).toBe("good");
      if (fault === "overwrite" || fault === "stateful") expect(report.problems.join("\n")).toMatch(/dense2\.W/);
      else expect(report.worst?.param).toBe("dense2.W");
    }
  });
  it("a wrong dX in an inner layer corrupts the gradients of the layers before it", async () => {
    const rng = createRng(55);
    const model = mlp([3, 4, 4, 2], { rng: createRng(56), hidden: "tanh" });
    inject(model.layers[2], "dX sign flip");
    const report = await checkModel(model, randn(rng, 5, 3), [0, 1, 1, 0, 1], "softmaxCrossEntropy", { rng });
    expect(report.ok).toBe(false);
    expect(report.worst?.param).toBe("dense1.W");
    expect(report.perParam.find((p) => p.name === "dense3.W")!.band).toBe("good");
  });
  it("checks a 2-64-64-3 model by sampling (maxPerParam) quickly", async () => {
    const rng = createRng(57);
    const model = mlp([2, 64, 64, 3], { rng, hidden: "tanh" });
    const x = randn(rng, 32, 2);
    const labels = Array.from({ length: 32 }, () => rng.int(3));
    const report = await checkModel(model, x, labels, "softmaxCrossEntropy", { rng, maxPerParam: 40 });
    expectGood(report);
    expect(report.checked).toBeLessThanOrEqual(6 * 40);
  });
});

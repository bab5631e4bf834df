import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { Maxout } from "../../src/nn/maxout.ts";
import { Dense } from "../../src/nn/dense.ts";
import { checkLayer } from "../../src/nn/gradcheck.ts";
import { expectCaught, expectGood, inputFaults, paramFaults, randn } from "./layer-faults.ts";

describe("new Maxout(in, out, { rng, pieces, init, name })", () => {
  it("has k times the parameters of a Dense layer: W (in × out·k), b (1 × out·k)", () => {
    const layer = new Maxout(4, 3, { rng: createRng(1), pieces: 5 });
    expect(layer.parameters().map((p) => `${p.name} ${p.value.shape}`)).toEqual(["maxout.W 4x15", "maxout.b 1x15"]);
    expect(layer.describe()).toBe("Maxout(4 → 3, k=5)");
    expect(new Maxout(2, 2, { rng: createRng(1) }).pieces).toBe(2);
    layer.setName("mx");
    expect(layer.parameters().map((p) => p.name)).toEqual(["mx.W", "mx.b"]);
  });
  it("rejects bad sizes, a missing rng, and inputs of the wrong width", () => {
    const rng = createRng(1);
    expect(() => new Maxout(2, 2, { rng, pieces: 0 })).toThrow("maxout: pieces must be a positive integer, got 0");
    expect(() => new Maxout(0, 2, { rng })).toThrow("maxout: inFeatures must be a positive integer, got 0");
    expect(() => new Maxout(2, 2, {} as { rng: never })).toThrow("maxout: needs an rng to initialise W");
    expect(() => new Maxout(2, 3, { rng }).forward(Matrix.zeros(1, 5))).toThrow("maxout: input has 5 features, expected 2 (input 1x5 · W 2x6)");
    expect(() => new Maxout(2, 3, { rng }).backward(Matrix.zeros(1, 3))).toThrow("maxout: backward called before forward");
  });
});

describe("Maxout.forward(x) / backward(dY)", () => {
  it("outputs, per unit, the max of its k pieces (columns u·k … u·k + k − 1)", () => {
    const layer = new Maxout(1, 2, { rng: createRng(1), pieces: 3 });
    layer.affine.W.value.data.set([1, -1, 2, 0.5, -3, 0]);
    layer.affine.b.value.data.set([0, 0, -1, 0, 1, 0.25]);
    // x = 2: pieces of unit 0: [2, -2, 3] → 3; unit 1: [1, -5, 0.25] → 1
    expect(layer.forward(Matrix.from([[2]])).toArray()).toEqual([[3, 1]]);
    expect(layer.predict(Matrix.from([[-1]])).toArray()).toEqual([[1, 4]]);
  });
  it("routes each unit's gradient to its winning piece only", () => {
    const layer = new Maxout(1, 2, { rng: createRng(1), pieces: 3 });
    layer.affine.W.value.data.set([1, -1, 2, 0.5, -3, 0]);
    layer.affine.b.value.data.set([0, 0, -1, 0, 1, 0.25]);
    layer.forward(Matrix.from([[2]]));
    const dx = layer.backward(Matrix.from([[10, 100]]));
    expect(Array.from(layer.affine.b.grad.data)).toEqual([0, 0, 10, 100, 0, 0]);
    expect(Array.from(layer.affine.W.grad.data)).toEqual([0, 0, 20, 200, 0, 0]);
    expect(dx.toArray()).toEqual([[10 * 2 + 100 * 0.5]]);
  });
  it("with k = 1 is exactly a Dense layer", () => {
    const rng = createRng(2);
    const m = new Maxout(3, 4, { rng: createRng(5), pieces: 1 });
    const d = new Dense(3, 4, { rng: createRng(5) });
    const x = randn(rng, 5, 3), dy = randn(rng, 5, 4);
    expect(m.forward(x).toArray()).toEqual(d.forward(x).toArray());
    expect(m.backward(dy).toArray()).toEqual(d.backward(dy).toArray());
    expect(Array.from(m.affine.W.grad.data)).toEqual(Array.from(d.W.grad.data));
  });
  it("rejects a dY of the wrong shape", () => {
    const layer = new Maxout(2, 3, { rng: createRng(1) });
    layer.forward(Matrix.zeros(4, 2));
    expect(() => layer.backward(Matrix.zeros(4, 6))).toThrow("maxout: dOut is 4x6, expected 4x3 (the forward output's shape)");
  });
});

describe("Maxout: gradient check (checkLayer)", () => {
  it("passes at random points (≤ 1e-7) for k = 1, 2, 4, batch 1 and > 1", async () => {
    const rng = createRng(41);
    for (const pieces of [1, 2, 4]) {
      for (const rows of [1, 1, 7]) {
        const layer = new Maxout(3, 2, { rng, pieces });
        for (let k = 0; k < layer.affine.b.value.size; k++) layer.affine.b.value.data[k] = rng.normal();
        const report = await checkLayer(layer, randn(rng, rows, 3), rng);
        expectGood(report, true);
        expect(report.perParam.map((p) => p.name)).toEqual(["maxout.W", "maxout.b", "x"]);
      }
    }
  });
  it("catches every kind of wrong parameter gradient (W and b) and wrong dX", async () => {
    const rng = createRng(42);
    for (const fault of paramFaults) {
      for (const p of [0, 1]) await expectCaught(() => new Maxout(3, 2, { rng: createRng(43), pieces: 3 }), fault, p, randn(rng, 5, 3), rng);
    }
    for (const fault of inputFaults) await expectCaught(() => new Maxout(3, 2, { rng: createRng(43), pieces: 3 }), fault, 0, randn(rng, 5, 3), rng);
  });
  it("catches a subclass that sends the gradient to every piece instead of the winner", async () => {
    class AllPieces extends Maxout {
      override backward(dOut: Matrix): Matrix {
        const dz = new Matrix(dOut.rows, this.outFeatures * this.pieces);
        for (let i = 0; i < dOut.rows; i++) {
          for (let u = 0; u < this.outFeatures; u++) {
            for (let p = 0; p < this.pieces; p++) dz.data[i * dz.cols + u * this.pieces + p] = dOut.data[i * dOut.cols + u];
          }
        }
        return this.affine.backward(dz);
      }
    }
    const rng = createRng(44);
    const report = await checkLayer(new AllPieces(3, 2, { rng, pieces: 2 }), randn(rng, 4, 3), rng);
    expect(report.ok).toBe(false);
  });
});

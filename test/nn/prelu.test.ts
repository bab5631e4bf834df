import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng, type Rng } from "../../src/nn/rng.ts";
import { PReLU } from "../../src/nn/prelu.ts";
import { checkLayer } from "../../src/nn/gradcheck.ts";
import { expectCaught, expectGood, inputFaults, paramFaults, randn } from "./layer-faults.ts";

/** A PReLU with random slopes, so the check does not only see α = 0.25. */
const randomPReLU = (rng: Rng, features: number, shared = false) => {
  const layer = new PReLU(features, { shared });
  const A = layer.alpha.value.data;
  for (let k = 0; k < A.length; k++) A[k] = rng.uniform(-0.5, 1.5);
  return layer;
};

describe("new PReLU(features, { alpha, shared, name })", () => {
  it("has one learnable slope per feature, starting at 0.25, named ${name}.alpha", () => {
    const layer = new PReLU(3);
    expect(layer.alpha.value.toArray()).toEqual([[0.25, 0.25, 0.25]]);
    expect(layer.parameters().map((p) => p.name)).toEqual(["prelu.alpha"]);
    expect(layer.describe()).toBe("PReLU(3)");
    layer.setName("act");
    expect(layer.alpha.name).toBe("act.alpha");
  });
  it("shared: true learns a single slope", () => {
    const layer = new PReLU(3, { shared: true, alpha: 0.1 });
    expect(layer.alpha.value.toArray()).toEqual([[0.1]]);
    expect(layer.describe()).toBe("PReLU(3, shared α)");
  });
  it("rejects bad sizes and slopes, and inputs of the wrong width", () => {
    expect(() => new PReLU(0)).toThrow("prelu: features must be a positive integer, got 0");
    expect(() => new PReLU(2, { alpha: NaN })).toThrow("prelu: alpha must be a finite number, got NaN");
    expect(() => new PReLU(2).forward(Matrix.zeros(3, 4))).toThrow("prelu: input has 4 features, expected 2 (input 3x4, alpha 1x2)");
    expect(() => new PReLU(2).backward(Matrix.zeros(1, 2))).toThrow("prelu: backward called before forward");
  });
});

describe("PReLU.forward(z) / backward(dY)", () => {
  it("computes z for z > 0 and α·z otherwise, per feature", () => {
    const layer = new PReLU(2);
    layer.alpha.value.data.set([0.1, 0.5]);
    expect(layer.forward(Matrix.from([[-2, -2], [3, 4], [0, -1]])).toArray()).toEqual([[-0.2, -1], [3, 4], [0, -0.5]]);
    expect(layer.predict(Matrix.from([[-2, 1]])).toArray()).toEqual([[-0.2, 1]]);
  });
  it("backward gives dZ = dY or α·dY, and dα = Σ dY·z over z ≤ 0", () => {
    const layer = new PReLU(2);
    layer.alpha.value.data.set([0.1, 0.5]);
    layer.forward(Matrix.from([[-2, 3], [-1, -4]]));
    const dz = layer.backward(Matrix.from([[1, 2], [3, 4]]));
    expect(dz.toArray()).toEqual([[0.1, 2], [0.30000000000000004, 2]]);
    expect(Array.from(layer.alpha.grad.data)).toEqual([-2 * 1 + -1 * 3, -4 * 4]);
  });
  it("at the kink z = 0 takes slope α (like leakyRelu) and gives no α gradient", () => {
    const layer = new PReLU(1);
    layer.forward(Matrix.from([[0]]));
    expect(layer.backward(Matrix.from([[1]])).toArray()).toEqual([[0.25]]);
    expect(layer.alpha.grad.data[0]).toBe(0);
  });
});

describe("PReLU: gradient check (checkLayer)", () => {
  it("passes at random points (≤ 1e-7), per-feature and shared, batch 1 and > 1", async () => {
    const rng = createRng(31);
    for (const shared of [false, true]) {
      for (const rows of [1, 1, 5, 12]) {
        const report = await checkLayer(randomPReLU(rng, 4, shared), randn(rng, rows, 4), rng);
        expectGood(report, true);
        expect(report.perParam.map((p) => p.name)).toEqual(["prelu.alpha", "x"]);
      }
    }
  });
  it("catches every kind of wrong α gradient and wrong dZ", async () => {
    const rng = createRng(32);
    for (const fault of [...paramFaults, ...inputFaults]) {
      for (const shared of [false, true]) {
        // 6 rows, 3 features: every feature sees negative inputs, so dα is not 0.
        await expectCaught(() => new PReLU(3, { shared }), fault, 0, randn(rng, 6, 3), rng);
      }
    }
  });
  it("catches a subclass that forgets α on the negative side of dZ (treats it as ReLU)", async () => {
    class ReluBackward extends PReLU {
      override backward(dOut: Matrix): Matrix {
        const z = this.input!;
        const dz = super.backward(dOut);
        for (let k = 0; k < z.size; k++) if (z.data[k] <= 0) dz.data[k] = 0;
        return dz;
      }
    }
    const rng = createRng(33);
    const report = await checkLayer(new ReluBackward(3), randn(rng, 4, 3), rng);
    expect(report.ok).toBe(false);
    expect(report.worst?.param).toBe("x");
  });
});

import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import {
  activation, activationGrad, activationGradFromOutput, activationNames, applyActivation, createElu, createLeakyRelu, elu, identity, leakyRelu,
  relu, sigmoid, softplus, heaviside, tanh, type ActivationFunction,
} from "../../src/nn/activations.ts";

const all: ActivationFunction[] = [heaviside, sigmoid, tanh, relu, leakyRelu, elu, softplus, identity, createLeakyRelu(0.2), createElu(0.5)];

describe("activation.f(z) known values", () => {
  it("heaviside", () => {
    expect([heaviside.f(-2), heaviside.f(0), heaviside.f(3)]).toEqual([0, 1, 1]);
  });
  it("sigmoid", () => {
    expect(sigmoid.f(0)).toBe(0.5);
    expect(sigmoid.f(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(sigmoid.f(-2)).toBeCloseTo(0.11920292202211755, 15);
  });
  it("sigmoid is stable for large |z|", () => {
    expect(sigmoid.f(1000)).toBe(1);
    expect(sigmoid.f(-1000)).toBe(0);
    expect(sigmoid.df(1000)).toBe(0);
    expect(sigmoid.df(-1000)).toBe(0);
    expect(sigmoid.f(-40)).toBeGreaterThan(0); // not rounded to 0 by 1 − tiny
  });
  it("tanh", () => {
    expect(tanh.f(0)).toBe(0);
    expect(tanh.f(1)).toBeCloseTo(0.7615941559557649, 15);
    expect(tanh.f(1000)).toBe(1);
  });
  it("relu, leakyRelu, elu, softplus, identity", () => {
    expect([relu.f(-3), relu.f(0), relu.f(2.5)]).toEqual([0, 0, 2.5]);
    expect([leakyRelu.f(-3), leakyRelu.f(2)]).toEqual([-0.03, 2]);
    expect(createLeakyRelu(0.2).f(-5)).toBe(-1);
    expect(elu.f(2)).toBe(2);
    expect(elu.f(-1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    expect(elu.f(-1000)).toBe(-1);
    expect(createElu(0.5).f(-1000)).toBe(-0.5);
    expect(softplus.f(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus.f(1000)).toBe(1000);
    expect(softplus.f(-1000)).toBe(0);
    expect(identity.f(-7)).toBe(-7);
  });
});

describe("activation.df(z) known values", () => {
  it("σ′(0) = 0.25 and tanh′(0) = 1", () => {
    expect(sigmoid.df(0)).toBe(0.25);
    expect(tanh.df(0)).toBe(1);
  });
  it("relu′ is 1 for z > 0 and 0 for z < 0, and 0 at exactly z = 0 (documented convention)", () => {
    expect([relu.df(-1), relu.df(0), relu.df(1e-12), relu.df(3)]).toEqual([0, 0, 1, 1]);
  });
  it("leakyRelu′ is α for z ≤ 0, elu′ is αe^z for z ≤ 0, heaviside′ is 0, identity′ is 1", () => {
    expect([leakyRelu.df(-1), leakyRelu.df(0), leakyRelu.df(2)]).toEqual([0.01, 0.01, 1]);
    expect(elu.df(-1)).toBeCloseTo(Math.exp(-1), 15);
    expect(createElu(2).df(0)).toBe(2);
    expect([heaviside.df(-1), heaviside.df(0), heaviside.df(1)]).toEqual([0, 0, 0]);
    expect(identity.df(5)).toBe(1);
    expect(softplus.df(0)).toBe(0.5);
  });
});

describe("activation.df agrees with central differences of activation.f", () => {
  for (const act of all) {
    it(`${act.name}${act.alpha !== undefined ? `(α=${act.alpha})` : ""} at random points away from kinks (rel. error ≤ 1e-7)`, () => {
      const rng = createRng(11);
      const h = 1e-5;
      let checked = 0;
      while (checked < 200) {
        const z = rng.uniform(-6, 6);
        if (act.kinks.some((k) => Math.abs(z - k) < 10 * h)) continue; // the branch would change between z−h and z+h
        const numeric = (act.f(z + h) - act.f(z - h)) / (2 * h);
        const analytic = act.df(z);
        const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
        expect(rel, `${act.name} at z=${z}: analytic ${analytic}, numeric ${numeric}`).toBeLessThanOrEqual(1e-7);
        checked++;
      }
    });
  }
});

describe("activation properties", () => {
  it("f stays inside the declared range", () => {
    const rng = createRng(5);
    for (const act of all) {
      for (let t = 0; t < 500; t++) {
        const v = act.f(rng.uniform(-50, 50));
        expect(v).toBeGreaterThanOrEqual(act.range[0]);
        expect(v).toBeLessThanOrEqual(act.range[1]);
      }
    }
  });
  it("declares zero-centring and saturation as the course compares them", () => {
    expect(tanh.zeroCentred && !sigmoid.zeroCentred && !relu.zeroCentred).toBe(true);
    expect([sigmoid.saturation, tanh.saturation, relu.saturation, leakyRelu.saturation, identity.saturation])
      .toEqual(["both", "both", "negative", "none", "none"]);
    expect(relu.kinks).toEqual([0]);
    expect(elu.kinks).toEqual([]);
    expect(createElu(2).kinks).toEqual([0]);
    for (const act of all) expect(act.formula.length).toBeGreaterThan(0);
  });
});

describe("activation(name, opts?)", () => {
  it("finds every listed name", () => {
    for (const name of activationNames) expect(activation(name).f(1)).toBeTypeOf("number");
    expect(activation("relu")).toBe(relu);
    expect(activation("linear")).toBe(identity);
  });
  it("passes an activation object through", () => {
    const custom = createLeakyRelu(0.3);
    expect(activation(custom)).toBe(custom);
  });
  it("applies alpha to leakyRelu and elu", () => {
    expect(activation("leakyRelu", { alpha: 0.1 }).f(-10)).toBe(-1);
    expect(activation("elu", { alpha: 2 }).f(-1000)).toBe(-2);
  });
  it("throws on an unknown name, listing the known ones", () => {
    expect(() => activation("foo")).toThrow(/^unknown activation: foo \(known: heaviside, sigmoid, tanh, relu, leakyRelu, elu/);
    expect(() => activation("constructor")).toThrow(/unknown activation: constructor/);
  });
  it("rejects a bad alpha or an alpha where there is none", () => {
    expect(() => activation("leakyRelu", { alpha: -1 })).toThrow("leakyRelu: alpha must be a finite number ≥ 0, got -1");
    expect(() => createElu(0)).toThrow("elu: alpha must be a finite number > 0, got 0");
    expect(() => activation("relu", { alpha: 0.1 })).toThrow("activation: relu has no alpha");
  });
});

describe("applyActivation(act, Z, out?)", () => {
  it("applies f element-wise, by object or name", () => {
    const z = Matrix.from([[-1, 0], [2, -3]]);
    expect(applyActivation(relu, z).toArray()).toEqual([[0, 0], [2, 0]]);
    expect(applyActivation("identity", z).toArray()).toEqual(z.toArray());
    expect(z.toArray()).toEqual([[-1, 0], [2, -3]]);
  });
  it("writes into out (may be Z) and checks its shape", () => {
    const z = Matrix.from([[-1, 2]]);
    applyActivation("relu", z, z);
    expect(z.toArray()).toEqual([[0, 2]]);
    expect(() => applyActivation("relu", z, new Matrix(2, 1))).toThrow("applyActivation: shape mismatch 1x2 vs 2x1");
  });
});

describe("activationGrad(act, Z, dA, out?)", () => {
  it("returns dA ⊙ f′(Z)", () => {
    const z = Matrix.from([[-1, 0.5], [2, -3]]);
    const dA = Matrix.from([[10, 20], [30, 40]]);
    expect(activationGrad("relu", z, dA).toArray()).toEqual([[0, 20], [30, 0]]);
    const g = activationGrad(sigmoid, Matrix.from([[0]]), Matrix.from([[4]]));
    expect(g.data[0]).toBe(1);
  });
  it("throws naming both shapes", () => {
    expect(() => activationGrad("tanh", new Matrix(3, 2), new Matrix(2, 3))).toThrow("activationGrad: shape mismatch 3x2 vs 2x3");
  });
});

describe("activation.dfFromOutput(a) and activationGradFromOutput(act, A, dA, out?)", () => {
  it("equals df(z) written through a = f(z), for every activation", () => {
    const rng = createRng(9);
    for (const act of all) {
      for (let t = 0; t < 300; t++) {
        const z = rng.uniform(-8, 8);
        expect(Math.abs((act.dfFromOutput as (a: number) => number)(act.f(z)) - act.df(z)), `${act.name} at ${z}`).toBeLessThan(1e-12);
      }
      // at the kink z = 0 it keeps the documented convention
      expect((act.dfFromOutput as (a: number) => number)(act.f(0))).toBe(act.df(0));
    }
  });
  it("matches activationGrad on matrices and checks shapes", () => {
    const z = Matrix.from([[-2, -0.5, 0, 0.7, 3]]);
    const dA = Matrix.from([[1, 2, 3, 4, 5]]);
    for (const name of ["sigmoid", "tanh", "relu", "leakyRelu", "elu", "softplus"]) {
      const g1 = activationGrad(name, z, dA);
      const g2 = activationGradFromOutput(name, applyActivation(name, z), dA);
      for (let k = 0; k < 5; k++) expect(g2.data[k]).toBeCloseTo(g1.data[k], 12);
    }
    expect(() => activationGradFromOutput("tanh", new Matrix(3, 2), new Matrix(2, 3))).toThrow("activationGradFromOutput: shape mismatch 3x2 vs 2x3");
    expect(() => activationGradFromOutput({ ...tanh, name: "mine", dfFromOutput: undefined }, z, dA)).toThrow("activationGradFromOutput: mine has no dfFromOutput");
  });
});

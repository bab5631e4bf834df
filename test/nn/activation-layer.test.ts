import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { Activation, Softmax } from "../../src/nn/activation-layer.ts";
import { activation, activationNames, applyActivation } from "../../src/nn/activations.ts";
import { softmax } from "../../src/nn/softmax.ts";
import { checkLayer } from "../../src/nn/gradcheck.ts";
import { expectCaught, expectGood, randn } from "./layer-faults.ts";

describe("new Activation(act, { name, alpha })", () => {
  it("wraps an activation by name or object; name defaults to the activation's", () => {
    const a = new Activation("tanh");
    expect(a.fn).toBe(activation("tanh"));
    expect([a.kind, a.name, a.describe()]).toEqual(["Activation", "tanh", "Activation(tanh)"]);
    expect(new Activation(activation("relu")).describe()).toBe("Activation(relu)");
    expect(new Activation("leakyRelu", { alpha: 0.2 }).describe()).toBe("Activation(leakyRelu, α=0.2)");
    expect(new Activation("relu", { name: "act" }).name).toBe("act");
    expect(new Activation("relu").parameters()).toEqual([]);
  });
  it("throws for an unknown activation, listing the known ones", () => {
    expect(() => new Activation("swish")).toThrow(/unknown activation: swish \(known: heaviside, sigmoid/);
  });
});

describe("Activation.forward(z) / backward(dA)", () => {
  it("forward applies f element-wise; predict gives the same", () => {
    const z = Matrix.from([[-2, 0, 3]]);
    expect(new Activation("relu").forward(z).toArray()).toEqual([[0, 0, 3]]);
    expect(new Activation("tanh").predict(z).toArray()).toEqual(applyActivation("tanh", z).toArray());
  });
  it("backward returns dA ⊙ f′(Z): relu passes gradient only where z > 0 (0 at z = 0)", () => {
    const layer = new Activation("relu");
    layer.forward(Matrix.from([[-2, 0, 3]]));
    expect(layer.backward(Matrix.from([[5, 5, 5]])).toArray()).toEqual([[0, 0, 5]]);
  });
  it("sigmoid′(0) = 0.25 through the layer", () => {
    const layer = new Activation("sigmoid");
    layer.forward(Matrix.from([[0]]));
    expect(layer.backward(Matrix.from([[1]])).toArray()).toEqual([[0.25]]);
  });
  it("rejects a call before forward and a dA of the wrong shape", () => {
    const layer = new Activation("tanh");
    expect(() => layer.backward(Matrix.zeros(1, 1))).toThrow("activation: backward called before forward");
    layer.forward(Matrix.zeros(2, 3));
    expect(() => layer.backward(Matrix.zeros(3, 2))).toThrow("activation: dOut is 3x2, expected 2x3 (the forward output's shape)");
  });
});

describe("Activation: gradient check (checkLayer)", () => {
  it("passes for every activation at random points (≤ 1e-7), batch 1 and > 1", async () => {
    const rng = createRng(21);
    for (const name of activationNames) {
      for (const rows of [1, 6]) {
        const report = await checkLayer(new Activation(name), randn(rng, rows, 4, 2), rng);
        expectGood(report);
      }
    }
  });
  it("catches wrong input gradients and a backward that changes its input", async () => {
    const rng = createRng(22);
    for (const fault of ["dX sign flip", "dX zero", "dX one row only", "mutates input"] as const) {
      await expectCaught(() => new Activation("tanh"), fault, 0, randn(rng, 5, 3), rng);
    }
  });
  it("catches derivatives taken at the output instead of the input: tanh′ as 1 − a² of a = tanh(tanh z)", async () => {
    class AtOutput extends Activation {
      override backward(dOut: Matrix): Matrix {
        const a = this.predict(this.input!); // f′ evaluated at A instead of Z
        const d = new Matrix(a.rows, a.cols);
        for (let k = 0; k < a.size; k++) d.data[k] = dOut.data[k] * this.fn.df(a.data[k]);
        return d;
      }
    }
    const rng = createRng(23);
    const report = await checkLayer(new AtOutput("tanh"), randn(rng, 4, 3), rng);
    expect(report.ok).toBe(false);
  });
  it("catches a relu whose derivative is 1 everywhere (the gradient of the identity)", async () => {
    const rng = createRng(24);
    const wrong = { ...activation("relu"), df: () => 1 };
    const report = await checkLayer(new Activation(wrong), randn(rng, 4, 3), rng);
    expect(report.ok).toBe(false);
  });
});

describe("new Softmax()", () => {
  it("forward turns each row into probabilities: softmax([2, 1, 0]) ≈ [0.665, 0.245, 0.090]", () => {
    const p = new Softmax().forward(Matrix.from([[2, 1, 0], [1000, 1000, -1000]]));
    expect(p.row(0).map((v) => +v.toFixed(3))).toEqual([0.665, 0.245, 0.09]);
    expect(p.row(1)).toEqual([0.5, 0.5, 0]);
    expect(new Softmax().predict(Matrix.from([[1, 2]])).toArray()).toEqual(softmax(Matrix.from([[1, 2]])).toArray());
    expect([new Softmax().describe(), new Softmax().name, new Softmax({ name: "probs" }).name]).toEqual(["Softmax", "softmax", "probs"]);
  });
  it("backward is the vector-Jacobian product: an upstream gradient constant along a row gives 0", () => {
    const layer = new Softmax();
    layer.forward(Matrix.from([[0.3, -1, 2]]));
    for (const v of layer.backward(Matrix.from([[7, 7, 7]])).data) expect(Math.abs(v)).toBeLessThan(1e-15);
  });
  it("passes the gradient check at random points (≤ 1e-7), batch 1 and > 1", async () => {
    const rng = createRng(25);
    for (const [rows, cols] of [[1, 2], [1, 5], [6, 3], [10, 10]]) {
      // Not strict: with 10 classes some probabilities are ~1e-3 and their gradients ~1e-7, where
      // the difference quotient's rounding noise alone exceeds 1e-7 relative (the checker's "good" allows for it).
      expectGood(await checkLayer(new Softmax(), randn(rng, rows, cols, 2), rng), cols < 10);
    }
  });
  it("catches a softmax backward that forgets the −rowsum(dP ⊙ p) term (diagonal Jacobian only)", async () => {
    class DiagonalOnly extends Softmax {
      override backward(dOut: Matrix): Matrix {
        const p = this.output!;
        const d = new Matrix(p.rows, p.cols);
        for (let k = 0; k < p.size; k++) d.data[k] = p.data[k] * (1 - p.data[k]) * dOut.data[k];
        return d;
      }
    }
    const rng = createRng(26);
    expect((await checkLayer(new DiagonalOnly(), randn(rng, 4, 3), rng)).ok).toBe(false);
    for (const fault of ["dX sign flip", "dX zero", "mutates input"] as const) {
      await expectCaught(() => new Softmax(), fault, 0, randn(rng, 4, 3), rng);
    }
  });
  it("rejects a call before forward and a dP of the wrong shape", () => {
    const layer = new Softmax();
    expect(() => layer.backward(Matrix.zeros(1, 1))).toThrow("softmax: backward called before forward");
    layer.forward(Matrix.zeros(2, 3));
    expect(() => layer.backward(Matrix.zeros(2, 2))).toThrow("softmax: dOut is 2x2, expected 2x3");
  });
});

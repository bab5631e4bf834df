import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createParam, type Param } from "../../src/nn/param.ts";
import { SGD } from "../../src/nn/sgd.ts";
import { Momentum } from "../../src/nn/momentum.ts";
import { RMSProp } from "../../src/nn/rmsprop.ts";
import { Adam } from "../../src/nn/adam.ts";
import { optimizer, optimizerNames } from "../../src/nn/optimizers.ts";
import type { Optimizer } from "../../src/nn/optimizer.ts";

function param(values: number[], grads: number[], name = "w"): Param {
  const p = createParam(name, Matrix.from(values));
  p.grad.data.set(grads);
  return p;
}

/** f(w) = ½ Σ a_i w_i²; sets the gradient a_i w_i and returns f. */
function quadratic(p: Param, a: number[]): number {
  let f = 0;
  for (let i = 0; i < a.length; i++) {
    const w = p.value.data[i];
    f += 0.5 * a[i] * w * w;
    p.grad.data[i] = a[i] * w;
  }
  return f;
}

function stepsToConverge(opt: Optimizer, a: number[], tol: number, maxSteps = 20000): number {
  const p = param(a.map(() => 1), a.map(() => 0));
  for (let t = 0; t < maxSteps; t++) {
    if (quadratic(p, a) < tol) return t;
    opt.step([p]);
  }
  return Infinity;
}

describe("new SGD({ lr, weightDecay })", () => {
  it("step(params) does w ← w − lr·g", () => {
    const p = param([1, -2, 3], [0.5, -1, 2]);
    new SGD({ lr: 0.1 }).step([p]);
    expect(Array.from(p.value.data)).toEqual([1 - 0.05, -2 + 0.1, 3 - 0.2]);
  });
  it("adds weightDecay·w to the gradient", () => {
    const p = param([2], [1]);
    new SGD({ lr: 0.1, weightDecay: 0.5 }).step([p]);
    expect(p.value.data[0]).toBeCloseTo(2 - 0.1 * (1 + 0.5 * 2), 15);
  });
  it("does not change the gradient", () => {
    const p = param([1], [3]);
    new SGD({ lr: 0.1 }).step([p]);
    expect(p.grad.data[0]).toBe(3);
  });
  it("uses lr = 0.01 by default and describes itself", () => {
    const o = new SGD();
    expect(o.lr).toBe(0.01);
    expect(o.name).toBe("sgd");
    expect(o.describe()).toBe("sgd(lr=0.01)");
  });
});

describe("new Momentum({ lr, momentum, nesterov })", () => {
  it("step(params) does v ← μv + g, w ← w − lr·v (two steps by hand)", () => {
    const p = param([1], [2]);
    const o = new Momentum({ lr: 0.1, momentum: 0.9 });
    o.step([p]); // v = 2, w = 1 − 0.2
    expect(p.value.data[0]).toBeCloseTo(0.8, 15);
    p.grad.data[0] = 1;
    o.step([p]); // v = 0.9·2 + 1 = 2.8, w = 0.8 − 0.28
    expect(p.value.data[0]).toBeCloseTo(0.52, 15);
  });
  it("nesterov: w ← w − lr·(g + μv) after updating v", () => {
    const p = param([1], [2]);
    const o = new Momentum({ lr: 0.1, momentum: 0.9, nesterov: true });
    expect(o.name).toBe("nesterov");
    o.step([p]); // v = 2, w = 1 − 0.1·(2 + 1.8)
    expect(p.value.data[0]).toBeCloseTo(1 - 0.38, 15);
    p.grad.data[0] = 1;
    o.step([p]); // v = 2.8, w −= 0.1·(1 + 2.52)
    expect(p.value.data[0]).toBeCloseTo(0.62 - 0.352, 15);
  });
  it("momentum = 0 is plain SGD", () => {
    const a = param([1, 2], [3, -4]), b = param([1, 2], [3, -4]);
    new Momentum({ lr: 0.1, momentum: 0 }).step([a]);
    new SGD({ lr: 0.1 }).step([b]);
    expect(Array.from(a.value.data)).toEqual(Array.from(b.value.data));
  });
  it("keeps a velocity per parameter, and reset() forgets them", () => {
    const o = new Momentum({ lr: 1, momentum: 0.5 });
    const p = param([0], [1], "p"), q = param([0], [-1], "q");
    o.step([p, q]);
    o.step([p]);
    expect(p.value.data[0]).toBeCloseTo(-1 - 1.5, 15);
    expect(q.value.data[0]).toBeCloseTo(1, 15);
    o.reset();
    o.step([p]);
    expect(p.value.data[0]).toBeCloseTo(-2.5 - 1, 15);
  });
  it("converges faster than SGD on an ill-conditioned quadratic (condition number 100)", () => {
    const a = [1, 100];
    const sgd = stepsToConverge(new SGD({ lr: 0.018 }), a, 1e-8);
    const mom = stepsToConverge(new Momentum({ lr: 0.018, momentum: 0.8 }), a, 1e-8);
    expect(sgd).toBeLessThan(Infinity);
    expect(mom).toBeLessThan(sgd / 3);
  });
});

describe("new RMSProp({ lr, decay, epsilon })", () => {
  it("step(params) does s ← ρs + (1−ρ)g², w ← w − lr·g/(√s + ε)", () => {
    const p = param([1], [2]);
    const o = new RMSProp({ lr: 0.01, decay: 0.9, epsilon: 1e-8 });
    o.step([p]);
    const s1 = 0.1 * 4;
    expect(p.value.data[0]).toBeCloseTo(1 - (0.01 * 2) / (Math.sqrt(s1) + 1e-8), 15);
    p.grad.data[0] = -1;
    const w1 = p.value.data[0];
    o.step([p]);
    const s2 = 0.9 * s1 + 0.1 * 1;
    expect(p.value.data[0]).toBeCloseTo(w1 + 0.01 / (Math.sqrt(s2) + 1e-8), 15);
  });
  it("uses decay 0.9, epsilon 1e-8 and lr 0.001 by default", () => {
    const o = new RMSProp();
    expect([o.lr, o.decay, o.epsilon]).toEqual([0.001, 0.9, 1e-8]);
  });
});

describe("new Adam({ lr, beta1, beta2, epsilon })", () => {
  it("the first step moves each weight by lr·g/(|g| + ε) thanks to bias correction", () => {
    const p = param([1, 1, 1], [1e-3, -5, 200]);
    new Adam({ lr: 0.1 }).step([p]);
    expect(p.value.data[0]).toBeCloseTo(1 - 0.1 * (1e-3 / (1e-3 + 1e-8)), 12);
    expect(p.value.data[1]).toBeCloseTo(1 + (0.1 * 5) / (5 + 1e-8), 12);
    expect(p.value.data[2]).toBeCloseTo(1 - (0.1 * 200) / (200 + 1e-8), 12);
  });
  it("step(params) matches the formula at step 2", () => {
    const p = param([0.5], [2]);
    const o = new Adam({ lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    o.step([p]);
    const w1 = p.value.data[0];
    p.grad.data[0] = -1;
    o.step([p]);
    const m = 0.9 * (0.1 * 2) + 0.1 * -1;
    const v = 0.999 * (0.001 * 4) + 0.001 * 1;
    const mHat = m / (1 - 0.9 ** 2), vHat = v / (1 - 0.999 ** 2);
    expect(p.value.data[0]).toBeCloseTo(w1 - (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8), 15);
  });
  it("keeps step counts per parameter (a parameter seen later gets its own bias correction)", () => {
    const o = new Adam({ lr: 0.1 });
    const p = param([0], [1], "p");
    o.step([p]);
    o.step([p]);
    const q = param([0], [3], "q");
    o.step([q]);
    expect(q.value.data[0]).toBeCloseTo((-0.1 * 3) / (3 + 1e-8), 15);
  });
  it("reset() restarts the moments and the step count", () => {
    const o = new Adam({ lr: 0.1 });
    const p = param([0], [1]);
    o.step([p]);
    o.step([p]);
    o.reset();
    p.value.data[0] = 0;
    p.grad.data[0] = -4;
    o.step([p]);
    expect(p.value.data[0]).toBeCloseTo((0.1 * 4) / (4 + 1e-8), 15);
  });
  it("uses β1 0.9, β2 0.999, ε 1e-8, lr 0.001 by default", () => {
    const o = new Adam();
    expect([o.lr, o.beta1, o.beta2, o.epsilon]).toEqual([0.001, 0.9, 0.999, 1e-8]);
    expect(o.describe()).toBe("adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-8)");
  });
});

describe("every optimiser", () => {
  const makers: [string, () => Optimizer][] = [
    ["sgd", () => new SGD({ lr: 0.1 })],
    ["momentum", () => new Momentum({ lr: 0.05 })],
    ["nesterov", () => new Momentum({ lr: 0.05, nesterov: true })],
    ["rmsprop", () => new RMSProp({ lr: 0.01 })],
    ["adam", () => new Adam({ lr: 0.05 })],
  ];
  for (const [name, make] of makers) {
    it(`${name} reduces a quadratic at least 100-fold in 300 steps`, () => {
      const a = [1, 3, 0.5];
      const p = param([1, -2, 1.5], [0, 0, 0]);
      const opt = make();
      const f0 = quadratic(p, a);
      for (let t = 0; t < 300; t++) {
        quadratic(p, a);
        opt.step([p]);
      }
      expect(quadratic(p, a)).toBeLessThan(f0 / 100);
    });
  }
  it("rejects bad hyper-parameters, naming the optimiser and the value", () => {
    expect(() => new Adam({ lr: -1 })).toThrow("adam: lr must be > 0, got -1");
    expect(() => new SGD({ lr: 0 })).toThrow("sgd: lr must be > 0, got 0");
    expect(() => new SGD({ lr: NaN })).toThrow("sgd: lr must be > 0, got NaN");
    expect(() => new Momentum({ momentum: 1 })).toThrow("momentum: momentum must be in [0, 1), got 1");
    expect(() => new RMSProp({ decay: -0.1 })).toThrow("rmsprop: decay must be in [0, 1), got -0.1");
    expect(() => new Adam({ beta2: 1.5 })).toThrow("adam: beta2 must be in [0, 1), got 1.5");
    expect(() => new Adam({ epsilon: 0 })).toThrow("adam: epsilon must be > 0, got 0");
    expect(() => new SGD({ weightDecay: -1 })).toThrow("sgd: weightDecay must be >= 0, got -1");
  });
  it("rejects unknown options (a typo is not silently ignored)", () => {
    expect(() => new SGD({ learningRate: 0.1 } as never)).toThrow("sgd: unknown option learningRate (known: lr, weightDecay)");
  });
  it("meets PyTorch habits with what to write instead", () => {
    const params = [param([1], [1]), param([2], [2])];
    const told = "takes options, not the parameters (those go to step)";
    expect(() => new SGD(params as never)).toThrow(`sgd: ${told}: new SGD({ lr: 0.1 }), then opt.step(model.parameters()) after each backward`);
    expect(() => new Momentum(params as never)).toThrow(`momentum: ${told}: new Momentum({ lr: 0.1 })`);
    expect(() => new RMSProp(params as never)).toThrow(`rmsprop: ${told}: new RMSProp({ lr: 0.1 })`);
    expect(() => new Adam(params[0] as never)).toThrow(`adam: ${told}: new Adam({ lr: 0.1 })`);
    expect(() => optimizer("nesterov", params as never)).toThrow(`optimizer: ${told}: optimizer("nesterov", { lr: 0.1 })`);
    expect(() => new SGD(0.1 as never)).toThrow("sgd: options must be an object such as { lr: 0.1 }, got 0.1");
    expect(() => (new Adam().step as (p?: unknown) => void)()).toThrow("adam: step needs the parameters to update: opt.step(model.parameters()), got undefined");
    expect(() => new Momentum({ nesterov: true }).step({} as never)).toThrow("nesterov: step needs the parameters to update: opt.step(model.parameters()), got an object");
  });
  it("step() rejects a learning rate set to a bad value later", () => {
    const o = new Adam();
    o.lr = -0.5;
    expect(() => o.step([param([1], [1])])).toThrow("adam: lr must be > 0, got -0.5");
  });
  it("step() rejects a gradient whose shape differs from the value's, naming the parameter", () => {
    const p = createParam("dense1.W", Matrix.zeros(2, 3));
    p.grad = Matrix.zeros(3, 2);
    expect(() => new SGD().step([p])).toThrow("sgd: gradient of dense1.W is 3x2, value is 2x3");
  });
});

describe("optimizer(name, opts)", () => {
  it("builds each known optimiser", () => {
    for (const name of optimizerNames) expect(optimizer(name, { lr: 0.1 }).name).toBe(name);
    expect(optimizer("adam", { lr: 0.02 }).lr).toBe(0.02);
    expect(optimizer("nesterov")).toBeInstanceOf(Momentum);
  });
  it("throws for an unknown name, listing the known ones", () => {
    expect(() => optimizer("adagrad")).toThrow("unknown optimizer: adagrad (known: sgd, momentum, nesterov, rmsprop, adam)");
  });
  it("passes options through to the optimiser's validation", () => {
    expect(() => optimizer("rmsprop", { beta1: 0.9 })).toThrow(/rmsprop: unknown option beta1/);
  });
});

import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { binaryCrossEntropyWithLogits, loss, lossNames, mse, softmaxCrossEntropy, type LossResult } from "../../src/nn/losses.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";

function random(rows: number, cols: number, seed: number, lo = -3, hi = 3): Matrix {
  return randomMatrix(rows, cols, createRng(seed), { uniform: [lo, hi] });
}

/** Independent central-difference check of a loss's gradient w.r.t. its prediction; returns the max relative error. */
function maxGradError(f: (x: Matrix) => LossResult, x: Matrix): number {
  const { grad } = f(x);
  const h = 1e-5;
  let worst = 0;
  for (let k = 0; k < x.data.length; k++) {
    const xp = x.clone(), xm = x.clone();
    xp.data[k] += h; xm.data[k] -= h;
    const numeric = (f(xp).loss - f(xm).loss) / (2 * h);
    const rel = Math.abs(grad.data[k] - numeric) / Math.max(Math.abs(grad.data[k]) + Math.abs(numeric), 1e-8);
    worst = Math.max(worst, rel);
  }
  return worst;
}

describe("mse(pred, target)", () => {
  it("is the mean of squared differences over all elements, gradient 2(pred − target)/(N·K)", () => {
    const r = mse(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[1, 0], [0, 4]]));
    expect(r.loss).toBe((0 + 4 + 9 + 0) / 4);
    expect(r.grad.toArray()).toEqual([[0, 1], [1.5, 0]]);
  });
  it("accepts a flat target for a one-column prediction", () => {
    expect(mse(Matrix.column([1, 2, 3]), [1, 2, 5]).loss).toBeCloseTo(4 / 3, 15);
  });
  it("passes a gradient check (rel. error ≤ 1e-7)", () => {
    const t = random(6, 3, 2);
    expect(maxGradError((x) => mse(x, t), random(6, 3, 1))).toBeLessThanOrEqual(1e-7);
  });
  it("does not modify its inputs", () => {
    const p = random(3, 2, 3), t = random(3, 2, 4);
    const p0 = p.clone(), t0 = t.clone();
    mse(p, t);
    expect(p.data).toEqual(p0.data);
    expect(t.data).toEqual(t0.data);
  });
  it("throws on an empty batch, a shape mismatch, NaN or Infinity (with location)", () => {
    expect(() => mse(new Matrix(0, 1), new Matrix(0, 1))).toThrow("mse: empty batch");
    expect(() => mse(new Matrix(3, 1), new Matrix(2, 1))).toThrow("mse: shape mismatch 3x1 vs 2x1");
    expect(() => mse(new Matrix(3, 2), [1, 2, 3])).toThrow("mse: a flat target of 3 values needs a 1-column prediction, got 3x2");
    const bad = Matrix.from([[0], [0], [NaN]]);
    expect(() => mse(bad, Matrix.column([0, 0, 0]))).toThrow("mse: NaN in prediction at (2, 0)");
    expect(() => mse(Matrix.column([0, 0]), Matrix.column([0, Infinity]))).toThrow("mse: Infinity in target at (1, 0)");
  });
});

describe("binaryCrossEntropyWithLogits(logits, targets01)", () => {
  it("equals −[y log σ(z) + (1−y) log(1−σ(z))] averaged, with gradient (σ(z) − y)/N", () => {
    const z = [0.5, -1.2, 2];
    const y = [1, 0, 1];
    const r = binaryCrossEntropyWithLogits(Matrix.column(z), y);
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const expected = -z.reduce((acc, v, i) => acc + (y[i] * Math.log(s(v)) + (1 - y[i]) * Math.log(1 - s(v))), 0) / 3;
    expect(r.loss).toBeCloseTo(expected, 14);
    for (let i = 0; i < 3; i++) {
      expect(r.grad.data[i]).toBeCloseTo((s(z[i]) - y[i]) / 3, 15);
      expect(r.probs.data[i]).toBeCloseTo(s(z[i]), 15);
    }
    expect(binaryCrossEntropyWithLogits(Matrix.from([[0]]), [1]).loss).toBeCloseTo(Math.LN2, 15);
  });
  it("passes a gradient check with hard and soft targets (rel. error ≤ 1e-7)", () => {
    const rng = createRng(5);
    const hard = new Matrix(5, 2), soft = random(5, 2, 6, 0, 1);
    for (let k = 0; k < 10; k++) hard.data[k] = rng.int(2);
    expect(maxGradError((x) => binaryCrossEntropyWithLogits(x, hard), random(5, 2, 7))).toBeLessThanOrEqual(1e-7);
    expect(maxGradError((x) => binaryCrossEntropyWithLogits(x, soft), random(5, 2, 8))).toBeLessThanOrEqual(1e-7);
  });
  it("is stable at |z| = 1000", () => {
    const r = binaryCrossEntropyWithLogits(Matrix.column([1000, -1000, 1000, -1000]), [1, 0, 0, 1]);
    expect(r.loss).toBeCloseTo((0 + 0 + 1000 + 1000) / 4, 10);
    expect(r.grad.toArray()).toEqual([[0], [0], [0.25], [-0.25]]);
    for (const v of r.probs.data) expect(Number.isFinite(v)).toBe(true);
  });
  it("throws on targets outside [0, 1], empty batch, NaN and shape mismatch", () => {
    expect(() => binaryCrossEntropyWithLogits(Matrix.column([0, 1]), [0, 2])).toThrow("binaryCrossEntropyWithLogits: target 2 at (1, 0) is outside [0, 1]");
    expect(() => binaryCrossEntropyWithLogits(new Matrix(0, 1), [])).toThrow("binaryCrossEntropyWithLogits: empty batch");
    expect(() => binaryCrossEntropyWithLogits(Matrix.column([NaN]), [0])).toThrow("binaryCrossEntropyWithLogits: NaN in logits at (0, 0)");
    expect(() => binaryCrossEntropyWithLogits(new Matrix(2, 2), new Matrix(2, 1))).toThrow("binaryCrossEntropyWithLogits: shape mismatch 2x2 vs 2x1");
  });
});

describe("softmaxCrossEntropy(logits, labels)", () => {
  it("is −mean log p[label] with gradient (p − y)/N and returns probs", () => {
    const r = softmaxCrossEntropy(Matrix.from([[2, 1, 0], [0, 0, 0]]), [0, 2]);
    const p0 = 0.6652409557748219;
    expect(r.loss).toBeCloseTo((-Math.log(p0) + Math.log(3)) / 2, 14);
    expect(r.probs.get(0, 0)).toBeCloseTo(p0, 14);
    expect(r.grad.get(0, 0)).toBeCloseTo((p0 - 1) / 2, 14);
    expect(r.grad.get(1, 2)).toBeCloseTo((1 / 3 - 1) / 2, 14);
    expect(r.grad.get(1, 0)).toBeCloseTo(1 / 6, 14);
  });
  it("gives the same result for class indices (number[] or Int32Array) and one-hot labels", () => {
    const z = random(4, 3, 9);
    const a = softmaxCrossEntropy(z, [2, 0, 1, 1]);
    const b = softmaxCrossEntropy(z, Int32Array.from([2, 0, 1, 1]));
    const c = softmaxCrossEntropy(z, Matrix.from([[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 1, 0]]));
    expect(b.loss).toBe(a.loss);
    expect(c.loss).toBeCloseTo(a.loss, 14);
    for (let k = 0; k < 12; k++) expect(c.grad.data[k]).toBeCloseTo(a.grad.data[k], 15);
  });
  it("starts near ln C for equal logits", () => {
    expect(softmaxCrossEntropy(new Matrix(5, 4), [0, 1, 2, 3, 0]).loss).toBeCloseTo(Math.log(4), 14);
  });
  it("passes gradient checks with indices and soft labels (rel. error ≤ 1e-7)", () => {
    expect(maxGradError((x) => softmaxCrossEntropy(x, [1, 0, 3, 2, 3]), random(5, 4, 10))).toBeLessThanOrEqual(1e-7);
    const soft = Matrix.from([[0.2, 0.8, 0], [0.5, 0.25, 0.25]]);
    expect(maxGradError((x) => softmaxCrossEntropy(x, soft), random(2, 3, 11))).toBeLessThanOrEqual(1e-7);
  });
  it("is stable at logits around ±1000", () => {
    const r = softmaxCrossEntropy(Matrix.from([[1000, 0, -1000], [-1000, 1000, 0]]), [2, 1]);
    expect(r.loss).toBeCloseTo(2000 / 2, 9);
    for (const v of [...r.grad.data, ...r.probs.data]) expect(Number.isFinite(v)).toBe(true);
    expect(r.grad.get(0, 2)).toBeCloseTo(-0.5, 15);
  });
  it("throws on empty batch, label count, out-of-range or non-integer labels, bad one-hot, NaN and shape mismatch", () => {
    const op = "softmaxCrossEntropy";
    expect(() => softmaxCrossEntropy(new Matrix(0, 3), [])).toThrow(`${op}: empty batch`);
    expect(() => softmaxCrossEntropy(new Matrix(5, 3), [0, 1, 2, 0])).toThrow(`${op}: 4 labels for 5 rows`);
    expect(() => softmaxCrossEntropy(new Matrix(2, 3), [0, 3])).toThrow(`${op}: label 3 at row 1 is out of range for 3 classes`);
    expect(() => softmaxCrossEntropy(new Matrix(2, 3), [0, -1])).toThrow(`${op}: label -1 at row 1 is out of range for 3 classes`);
    expect(() => softmaxCrossEntropy(new Matrix(2, 3), [0, 1.5])).toThrow(`${op}: label 1.5 at row 1`);
    expect(() => softmaxCrossEntropy(new Matrix(1, 2), Matrix.from([[1, 1]]))).toThrow(`${op}: label row 0 sums to 2, expected 1`);
    expect(() => softmaxCrossEntropy(new Matrix(2, 2), new Matrix(2, 3))).toThrow(`${op}: shape mismatch 2x2 vs 2x3`);
    expect(() => softmaxCrossEntropy(Matrix.from([[0, -Infinity]]), [0])).toThrow(`${op}: -Infinity in logits at (0, 1)`);
  });
});

describe("loss(name)", () => {
  it("finds each loss and short name; passes functions through", () => {
    expect(loss("mse")).toBe(mse);
    expect(loss("bce")).toBe(binaryCrossEntropyWithLogits);
    expect(loss("softmaxCrossEntropy")).toBe(softmaxCrossEntropy);
    expect(loss("crossEntropy")).toBe(softmaxCrossEntropy);
    expect(loss(mse)).toBe(mse);
    expect(lossNames).toContain("binaryCrossEntropyWithLogits");
  });
  it("throws on an unknown name, listing the known ones", () => {
    expect(() => loss("foo")).toThrow(/^unknown loss: foo \(known: mse, /);
    expect(() => loss("hasOwnProperty")).toThrow(/unknown loss: hasOwnProperty/);
  });
});

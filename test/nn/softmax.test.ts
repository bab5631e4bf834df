import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { logSumExp, softmax, softmaxBackward, softmaxJacobian, softmaxJvp } from "../../src/nn/softmax.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";

function random(rows: number, cols: number, seed: number, scale = 3): Matrix {
  return randomMatrix(rows, cols, createRng(seed), { uniform: [-scale, scale] });
}

describe("softmax(z, out?)", () => {
  it("softmax([2, 1, 0]) ≈ [0.665, 0.245, 0.090]", () => {
    const p = softmax(Matrix.from([2, 1, 0])).row(0);
    expect(p[0]).toBeCloseTo(0.6652409557748219, 14);
    expect(p[1]).toBeCloseTo(0.24472847105479764, 14);
    expect(p[2]).toBeCloseTo(0.09003057317038046, 14);
  });
  it("makes each row a distribution, independently", () => {
    const p = softmax(random(5, 4, 1));
    for (let i = 0; i < 5; i++) {
      const row = p.row(i);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      for (const v of row) expect(v).toBeGreaterThan(0);
    }
  });
  it("is unchanged by adding a constant to a row", () => {
    const z = random(2, 3, 2);
    const shifted = z.clone();
    for (let j = 0; j < 3; j++) shifted.data[j] += 500;
    const a = softmax(z), b = softmax(shifted);
    for (let k = 0; k < 6; k++) expect(b.data[k]).toBeCloseTo(a.data[k], 12);
  });
  it("stays finite for inputs around ±1000", () => {
    const p = softmax(Matrix.from([[1000, 999, 998], [-1000, -1001, -1002]]));
    for (const v of p.data) expect(Number.isFinite(v)).toBe(true);
    expect(p.data[0]).toBeCloseTo(0.6652409557748219, 12);
    expect(p.data[3]).toBeCloseTo(0.6652409557748219, 12);
  });
  it("shares the mass among +Infinity entries and shows NaN", () => {
    expect(softmax(Matrix.from([Infinity, 0, Infinity])).row(0)).toEqual([0.5, 0, 0.5]);
    expect(Number.isNaN(softmax(Matrix.from([1, NaN])).data[0])).toBe(true);
  });
  it("writes into out (may be z) and checks its shape", () => {
    const z = Matrix.from([0, 0]);
    softmax(z, z);
    expect(z.row(0)).toEqual([0.5, 0.5]);
    expect(() => softmax(z, new Matrix(2, 1))).toThrow("softmax: shape mismatch 1x2 vs 2x1");
  });
});

describe("logSumExp(z)", () => {
  it("equals log Σ e^z per row, stably", () => {
    const l = logSumExp(Matrix.from([[0, 0], [1000, 1000], [1, 2]]));
    expect(l[0]).toBeCloseTo(Math.LN2, 15);
    expect(l[1]).toBeCloseTo(1000 + Math.LN2, 12);
    expect(l[2]).toBeCloseTo(Math.log(Math.E + Math.E ** 2), 14);
  });
  it("gives −Infinity for an empty row and passes NaN through", () => {
    expect(logSumExp(new Matrix(1, 0))[0]).toBe(-Infinity);
    expect(Number.isNaN(logSumExp(Matrix.from([1, NaN]))[0])).toBe(true);
  });
});

describe("softmaxJacobian(p)", () => {
  it("is diag(p) − ppᵀ: symmetric, rows summing to 0", () => {
    const p = [0.7, 0.2, 0.1];
    const J = softmaxJacobian(p);
    expect(J.get(0, 0)).toBeCloseTo(0.7 * 0.3, 15);
    expect(J.get(0, 1)).toBeCloseTo(-0.14, 15);
    for (let i = 0; i < 3; i++) {
      expect(J.row(i).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 15);
      for (let j = 0; j < 3; j++) expect(J.get(i, j)).toBe(J.get(j, i));
    }
  });
  it("matches central differences of softmax", () => {
    const z = random(1, 4, 3);
    const J = softmaxJacobian(softmax(z));
    const h = 1e-5;
    for (let j = 0; j < 4; j++) {
      const zp = z.clone(), zm = z.clone();
      zp.data[j] += h; zm.data[j] -= h;
      const pp = softmax(zp), pm = softmax(zm);
      for (let i = 0; i < 4; i++) {
        const numeric = (pp.data[i] - pm.data[i]) / (2 * h);
        expect(Math.abs(J.get(i, j) - numeric)).toBeLessThan(1e-9);
      }
    }
  });
  it("rejects more than one row", () => {
    expect(() => softmaxJacobian(new Matrix(3, 2))).toThrow("softmaxJacobian: expected one row, got 3x2");
  });
});

describe("softmaxBackward(p, dP, out?) and softmaxJvp(p, v)", () => {
  it("equals Jᵀ·dP row by row", () => {
    const z = random(3, 5, 4), dP = random(3, 5, 5);
    const p = softmax(z);
    const dZ = softmaxBackward(p, dP);
    for (let i = 0; i < 3; i++) {
      const J = softmaxJacobian(p.row(i));
      for (let j = 0; j < 5; j++) {
        let s = 0;
        for (let k = 0; k < 5; k++) s += J.get(k, j) * dP.get(i, k);
        expect(dZ.get(i, j)).toBeCloseTo(s, 14);
      }
    }
    expect(softmaxJvp(p, dP).data).toEqual(dZ.data);
  });
  it("matches the numeric gradient of L = Σ dP ⊙ softmax(z) (rel. error ≤ 1e-7)", () => {
    const z = random(4, 3, 6), dP = random(4, 3, 7);
    const L = (zz: Matrix) => { const p = softmax(zz); let s = 0; for (let k = 0; k < p.data.length; k++) s += p.data[k] * dP.data[k]; return s; };
    const dZ = softmaxBackward(softmax(z), dP);
    const h = 1e-5;
    for (let k = 0; k < z.data.length; k++) {
      const zp = z.clone(), zm = z.clone();
      zp.data[k] += h; zm.data[k] -= h;
      const numeric = (L(zp) - L(zm)) / (2 * h);
      const rel = Math.abs(dZ.data[k] - numeric) / Math.max(Math.abs(dZ.data[k]) + Math.abs(numeric), 1e-8);
      expect(rel).toBeLessThanOrEqual(1e-7);
    }
  });
  it("throws naming both shapes", () => {
    expect(() => softmaxBackward(new Matrix(2, 3), new Matrix(3, 2))).toThrow("softmaxBackward: shape mismatch 2x3 vs 3x2");
  });
});

import { describe, expect, it } from "vitest";
import { constantSchedule, exponentialDecay, inverseTimeDecay, stepDecay } from "../../src/nn/schedules.ts";

describe("stepDecay(lr0, dropEvery, factor)", () => {
  it("multiplies by factor every dropEvery steps", () => {
    const s = stepDecay(0.1, 10, 0.5);
    expect([0, 9, 10, 19, 20, 35].map(s)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
  });
  it("rejects bad arguments", () => {
    expect(() => stepDecay(0, 10, 0.5)).toThrow("stepDecay: lr0 must be > 0, got 0");
    expect(() => stepDecay(0.1, 0, 0.5)).toThrow("stepDecay: dropEvery must be a positive integer, got 0");
    expect(() => stepDecay(0.1, 10, 1.5)).toThrow("stepDecay: factor must be in (0, 1], got 1.5");
    expect(() => stepDecay(0.1, 10, 0.5)(-1)).toThrow("stepDecay: step must be an integer >= 0, got -1");
  });
});

describe("exponentialDecay(lr0, k)", () => {
  it("is lr0·e^(−k·t)", () => {
    const s = exponentialDecay(0.2, 0.01);
    expect(s(0)).toBe(0.2);
    expect(s(100)).toBeCloseTo(0.2 * Math.exp(-1), 15);
    expect(s(Math.round(Math.LN2 / 0.01))).toBeCloseTo(0.1, 3);
  });
  it("rejects a negative k", () => {
    expect(() => exponentialDecay(0.1, -1)).toThrow("exponentialDecay: k must be >= 0, got -1");
  });
});

describe("inverseTimeDecay(lr0, k)", () => {
  it("is lr0 / (1 + k·t)", () => {
    const s = inverseTimeDecay(1, 0.5);
    expect([0, 1, 2, 6].map(s)).toEqual([1, 1 / 1.5, 0.5, 0.25]);
    expect(inverseTimeDecay(0.3)(2)).toBeCloseTo(0.1, 15);
  });
  it("rejects lr0 ≤ 0", () => {
    expect(() => inverseTimeDecay(-1)).toThrow("inverseTimeDecay: lr0 must be > 0, got -1");
  });
});

describe("constantSchedule(lr)", () => {
  it("is the same at every step", () => {
    expect([0, 1, 1000].map(constantSchedule(0.05))).toEqual([0.05, 0.05, 0.05]);
  });
});

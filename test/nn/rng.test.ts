import { describe, expect, it } from "vitest";
import { createRng } from "../../src/nn/rng.ts";

describe("createRng(seed)", () => {
  it("repeats the same stream for the same seed", () => {
    const a = createRng(42), b = createRng(42);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });
  it("gives different streams for different seeds", () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
  it("normal() has mean ≈ 0 and std ≈ 1", () => {
    const r = createRng(7);
    let s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) { const v = r.normal(); s += v; s2 += v * v; }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(s2 / n - (s / n) ** 2) - 1)).toBeLessThan(0.03);
  });
  it("permutation(n) holds each index once", () => {
    const p = Array.from(createRng(3).permutation(50)).sort((a, b) => a - b);
    expect(p).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it("rejects a non-finite seed, naming it", () => {
    expect(() => createRng(NaN)).toThrow(/seed must be a finite number, got NaN/);
    expect(() => createRng(1).int(0)).toThrow(/got 0/);
  });
});

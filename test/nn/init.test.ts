import { describe, expect, it } from "vitest";
import { createRng } from "../../src/nn/rng.ts";
import {
  heNormal, heUniform, initializer, initializerNames, lecunNormal, scaledNormal, xavierNormal, xavierUniform, zerosInit,
  type Initializer,
} from "../../src/nn/init.ts";

function stats(init: Initializer, fanIn: number, fanOut: number, seed = 1) {
  const w = init(fanIn, fanOut, createRng(seed));
  let s = 0, s2 = 0, max = 0;
  for (const v of w.data) { s += v; s2 += v * v; max = Math.max(max, Math.abs(v)); }
  const n = w.data.length;
  return { shape: w.shape, mean: s / n, variance: s2 / n - (s / n) ** 2, max };
}

describe("initializers (fanIn, fanOut, rng) → Matrix", () => {
  const cases: [string, Initializer, (fi: number, fo: number) => number][] = [
    ["xavierUniform", xavierUniform, (fi, fo) => 2 / (fi + fo)],
    ["xavierNormal", xavierNormal, (fi, fo) => 2 / (fi + fo)],
    ["heNormal", heNormal, (fi) => 2 / fi],
    ["heUniform", heUniform, (fi) => 2 / fi],
    ["lecunNormal", lecunNormal, (fi) => 1 / fi],
  ];
  for (const [name, init, variance] of cases) {
    it(`${name} has shape fanIn×fanOut, mean ≈ 0 and the documented variance`, () => {
      const st = stats(init, 200, 150);
      expect(st.shape).toBe("200x150");
      const v = variance(200, 150);
      expect(Math.abs(st.mean)).toBeLessThan(0.05 * Math.sqrt(v));
      expect(Math.abs(st.variance / v - 1)).toBeLessThan(0.03);
    });
    it(`${name} repeats with the same seed and differs with another`, () => {
      expect(Array.from(init(5, 7, createRng(3)).data)).toEqual(Array.from(init(5, 7, createRng(3)).data));
      expect(Array.from(init(5, 7, createRng(3)).data)).not.toEqual(Array.from(init(5, 7, createRng(4)).data));
    });
    it(`${name} rejects bad fans, naming the value`, () => {
      expect(() => init(0, 3, createRng(1))).toThrow(`${name}: fanIn must be a positive integer, got 0`);
      expect(() => init(3, 1.5, createRng(1))).toThrow(`${name}: fanOut must be a positive integer, got 1.5`);
    });
  }
  it("uniform initializers stay inside their limit √(6/…)", () => {
    expect(stats(xavierUniform, 30, 20).max).toBeLessThanOrEqual(Math.sqrt(6 / 50));
    expect(stats(heUniform, 30, 20).max).toBeLessThanOrEqual(Math.sqrt(6 / 30));
  });
  it("zerosInit gives zeros", () => {
    expect(Array.from(zerosInit(2, 3, createRng(1)).data)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it("scaledNormal(std) uses std regardless of the fans and validates std", () => {
    const st = stats(scaledNormal(0.01), 300, 100);
    expect(Math.abs(Math.sqrt(st.variance) / 0.01 - 1)).toBeLessThan(0.02);
    expect(() => scaledNormal(-1)).toThrow("scaledNormal: std must be a finite number ≥ 0, got -1");
  });
});

describe("initializer(name)", () => {
  it("finds each initializer and the short names", () => {
    expect(initializer("heNormal")).toBe(heNormal);
    expect(initializer("he")).toBe(heNormal);
    expect(initializer("xavier")).toBe(xavierUniform);
    expect(initializer("glorot")).toBe(xavierUniform);
    expect(initializerNames).toContain("zeros");
  });
  it("throws on an unknown name, listing the known ones", () => {
    expect(() => initializer("foo")).toThrow(/^unknown initializer: foo \(known: xavierUniform, /);
    expect(() => initializer("toString")).toThrow(/unknown initializer: toString/);
  });
});

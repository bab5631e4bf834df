import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { circles, moons, oneHot, regression1d, spiral, takeLabels, takeRows, trainTestSplit, xor } from "../../src/nn/datasets.ts";

function counts(y: Int32Array, classes: number): number[] {
  const c = new Array(classes).fill(0);
  for (const v of y) c[v]++;
  return c;
}

describe("xor()", () => {
  it("is the four corners with labels 0 1 1 0", () => {
    const d = xor();
    expect(d.x.toArray()).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(Array.from(d.y)).toEqual([0, 1, 1, 0]);
    expect(d.classes).toBe(2);
  });
});

describe("spiral({ classes, pointsPerClass, noise, rng })", () => {
  it("has classes·pointsPerClass points in 2-D, balanced", () => {
    const d = spiral({ classes: 4, pointsPerClass: 50, rng: createRng(1) });
    expect(d.x.shape).toBe("200x2");
    expect(d.y.length).toBe(200);
    expect(d.classes).toBe(4);
    expect(counts(d.y, 4)).toEqual([50, 50, 50, 50]);
  });
  it("repeats exactly for the same seed and differs for another", () => {
    const a = spiral({ rng: createRng(7) }), b = spiral({ rng: createRng(7) }), c = spiral({ rng: createRng(8) });
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
    expect(Array.from(a.x.data)).not.toEqual(Array.from(c.x.data));
  });
  it("defaults to 3 classes of 100 points, all inside the unit disc", () => {
    const d = spiral({ rng: createRng(2) });
    expect(d.x.shape).toBe("300x2");
    for (let i = 0; i < d.x.rows; i++) expect(Math.hypot(d.x.get(i, 0), d.x.get(i, 1))).toBeLessThanOrEqual(1 + 1e-12);
  });
  it("with noise 0 puts point i of arm c at radius i/(n−1), angle 4c + 4i/(n−1)", () => {
    const d = spiral({ classes: 2, pointsPerClass: 5, noise: 0, rng: createRng(0) });
    const k = 5 + 2; // arm 1, point 2
    expect(d.x.get(k, 0)).toBeCloseTo(0.5 * Math.sin(4 + 2), 15);
    expect(d.x.get(k, 1)).toBeCloseTo(0.5 * Math.cos(4 + 2), 15);
  });
  it("rejects a missing rng and bad counts", () => {
    expect(() => spiral({} as never)).toThrow("spiral: rng is required");
    expect(() => spiral({ classes: 1, rng: createRng(0) })).toThrow("spiral: classes must be an integer >= 2, got 1");
    expect(() => spiral({ pointsPerClass: 2.5, rng: createRng(0) })).toThrow("spiral: pointsPerClass must be an integer >= 1, got 2.5");
    expect(() => spiral({ noise: -1, rng: createRng(0) })).toThrow("spiral: noise must be >= 0, got -1");
  });
});

describe("moons({ n, noise, rng })", () => {
  it("has n points in 2-D, two balanced classes, seeded", () => {
    const d = moons({ n: 101, noise: 0.1, rng: createRng(3) });
    expect(d.x.shape).toBe("101x2");
    expect(counts(d.y, 2)).toEqual([51, 50]);
    expect(Array.from(moons({ n: 101, noise: 0.1, rng: createRng(3) }).x.data)).toEqual(Array.from(d.x.data));
  });
  it("with noise 0 lies on the two arcs", () => {
    const d = moons({ n: 20, noise: 0, rng: createRng(0) });
    for (let i = 0; i < 20; i++) {
      const [x, y] = d.x.row(i);
      const r = d.y[i] === 0 ? Math.hypot(x, y) : Math.hypot(1 - x, 0.5 - y);
      expect(r).toBeCloseTo(1, 12);
    }
  });
  it("rejects n < 2", () => {
    expect(() => moons({ n: 1, rng: createRng(0) })).toThrow("moons: n must be an integer >= 2, got 1");
  });
});

describe("circles({ n, noise, factor, rng })", () => {
  it("puts class 0 on the unit circle and class 1 at radius factor", () => {
    const d = circles({ n: 40, noise: 0, factor: 0.3, rng: createRng(0) });
    expect(d.x.shape).toBe("40x2");
    expect(counts(d.y, 2)).toEqual([20, 20]);
    for (let i = 0; i < 40; i++) expect(Math.hypot(...d.x.row(i))).toBeCloseTo(d.y[i] === 0 ? 1 : 0.3, 12);
  });
  it("is seeded", () => {
    const a = circles({ rng: createRng(5) }), b = circles({ rng: createRng(5) });
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
  });
  it("rejects factor outside (0, 1)", () => {
    expect(() => circles({ factor: 1, rng: createRng(0) })).toThrow("circles: factor must be in (0, 1), got 1");
  });
});

describe("regression1d({ n, f, noise, rng })", () => {
  it("draws sorted x in the domain and y = f(x) + noise", () => {
    const d = regression1d({ n: 50, f: (x) => 2 * x + 1, noise: 0, domain: [0, 3], rng: createRng(4) });
    expect(d.x.shape).toBe("50x1");
    expect(d.y.shape).toBe("50x1");
    for (let i = 0; i < 50; i++) {
      expect(d.x.data[i]).toBeGreaterThanOrEqual(0);
      expect(d.x.data[i]).toBeLessThan(3);
      if (i > 0) expect(d.x.data[i]).toBeGreaterThanOrEqual(d.x.data[i - 1]);
      expect(d.y.data[i]).toBe(2 * d.x.data[i] + 1);
    }
  });
  it("adds noise of the given standard deviation", () => {
    const d = regression1d({ n: 4000, f: () => 0, noise: 0.5, rng: createRng(9) });
    let s2 = 0;
    for (const v of d.y.data) s2 += v * v;
    expect(Math.sqrt(s2 / 4000)).toBeCloseTo(0.5, 1);
  });
  it("names x when f returns a non-finite value", () => {
    expect(() => regression1d({ n: 3, f: () => NaN, rng: createRng(0) })).toThrow(/regression1d: f\(.*\) is NaN, expected a finite number/);
  });
});

describe("trainTestSplit(data, testFraction, rng)", () => {
  it("splits rows at random, keeping x and y paired and the class count", () => {
    const d = moons({ n: 60, rng: createRng(1) });
    const { train, test } = trainTestSplit(d, 0.25, createRng(2));
    expect(test.x.rows).toBe(15);
    expect(train.x.rows).toBe(45);
    expect(train.classes).toBe(2);
    const key = (x: number, y: number) => `${x},${y}`;
    const all = new Map<string, number>();
    for (let i = 0; i < d.x.rows; i++) all.set(key(d.x.get(i, 0), d.x.get(i, 1)), d.y[i]);
    const seen = new Set<string>();
    for (const part of [train, test]) {
      for (let i = 0; i < part.x.rows; i++) {
        const k = key(part.x.get(i, 0), part.x.get(i, 1));
        expect(all.get(k)).toBe(part.y[i]);
        seen.add(k);
      }
    }
    expect(seen.size).toBe(60);
  });
  it("works for regression data (y a matrix)", () => {
    const d = regression1d({ n: 10, rng: createRng(0) });
    const { train, test } = trainTestSplit(d, 0.3, createRng(1));
    expect([train.y.shape, test.y.shape]).toEqual(["7x1", "3x1"]);
  });
  it("rejects a bad fraction and mismatched rows", () => {
    const d = xor();
    expect(() => trainTestSplit(d, 1, createRng(0))).toThrow("trainTestSplit: testFraction must be in (0, 1), got 1");
    expect(() => trainTestSplit({ ...d, y: new Int32Array(3) }, 0.5, createRng(0))).toThrow("trainTestSplit: x has 4 rows but y has 3");
  });
});

describe("oneHot(labels, classes)", () => {
  it("puts a single 1 per row", () => {
    expect(oneHot([2, 0, 1], 3).toArray()).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
  });
  it("names a label out of range and its row", () => {
    expect(() => oneHot([0, 3], 3)).toThrow("oneHot: label 3 at row 1 is not in [0, 3)");
  });
});

describe("takeRows(m, indices) and takeLabels(labels, indices)", () => {
  it("gather rows in the given order", () => {
    expect(takeRows(Matrix.from([[1, 2], [3, 4], [5, 6]]), [2, 0, 2]).toArray()).toEqual([[5, 6], [1, 2], [5, 6]]);
    expect(Array.from(takeLabels([7, 8, 9], [1, 1, 0]))).toEqual([8, 8, 7]);
  });
  it("reject an index outside", () => {
    expect(() => takeRows(Matrix.zeros(2, 2), [2])).toThrow("takeRows: row 2 is outside 2x2");
  });
});

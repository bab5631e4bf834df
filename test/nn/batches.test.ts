import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { batchesPerEpoch, miniBatches } from "../../src/nn/batches.ts";

function data(n: number) {
  const x = new Matrix(n, 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x.data[2 * i] = i;
    x.data[2 * i + 1] = -i;
    y[i] = i;
  }
  return { x, y };
}

describe("batchesPerEpoch(n, batchSize)", () => {
  it("is ⌈n / batchSize⌉ (the last partial batch counts)", () => {
    expect(batchesPerEpoch(100000, 128)).toBe(782);
    expect(batchesPerEpoch(10, 5)).toBe(2);
    expect(batchesPerEpoch(10, 3)).toBe(4);
    expect(batchesPerEpoch(0, 3)).toBe(0);
  });
  it("rejects a batch size ≤ 0", () => {
    expect(() => batchesPerEpoch(10, 0)).toThrow("batchesPerEpoch: batchSize must be a positive integer, got 0");
  });
});

describe("miniBatches(x, y, batchSize, rng, epochs)", () => {
  it("yields every example exactly once per epoch, rows paired with labels, last batch partial", () => {
    const { x, y } = data(10);
    const batches = [...miniBatches(x, y, 4, createRng(1))];
    expect(batches.map((b) => b.x.rows)).toEqual([4, 4, 2]);
    expect(batches.map((b) => b.index)).toEqual([0, 1, 2]);
    const seen: number[] = [];
    for (const b of batches) {
      for (let i = 0; i < b.x.rows; i++) {
        expect(b.x.get(i, 0)).toBe(b.y[i]);
        expect(b.x.get(i, 1)).toBe(-b.y[i]);
        expect(b.indices[i]).toBe(b.y[i]);
        seen.push(b.y[i]);
      }
    }
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it("shuffles in a different order each epoch", () => {
    const { x, y } = data(50);
    const orders: number[][] = [[], []];
    for (const b of miniBatches(x, y, 7, createRng(2), 2)) orders[b.epoch].push(...b.y);
    expect(orders[0].length).toBe(50);
    expect([...orders[0]].sort((a, b) => a - b)).toEqual([...orders[1]].sort((a, b) => a - b));
    expect(orders[0]).not.toEqual(orders[1]);
    expect(orders[0]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it("is repeatable for the same seed", () => {
    const { x, y } = data(20);
    const a = [...miniBatches(x, y, 6, createRng(3))].map((b) => Array.from(b.y));
    const b = [...miniBatches(x, y, 6, createRng(3))].map((b) => Array.from(b.y));
    expect(a).toEqual(b);
  });
  it("100000 examples at batch size 128 give 782 batches", () => {
    const x = new Matrix(100000, 1), y = new Int32Array(100000);
    let count = 0, last = 0;
    for (const b of miniBatches(x, y, 128, createRng(4))) { count++; last = b.x.rows; }
    expect(count).toBe(782);
    expect(last).toBe(100000 - 781 * 128);
  });
  it("keeps matrix targets as matrices", () => {
    const x = Matrix.from([[1], [2], [3]]), y = Matrix.from([[10], [20], [30]]);
    for (const b of miniBatches(x, y, 2, createRng(5))) {
      expect(b.y).toBeInstanceOf(Matrix);
      for (let i = 0; i < b.x.rows; i++) expect(b.y.get(i, 0)).toBe(10 * b.x.get(i, 0));
    }
  });
  it("does not modify the data", () => {
    const { x, y } = data(9);
    const before = Array.from(x.data);
    [...miniBatches(x, y, 2, createRng(6))];
    expect(Array.from(x.data)).toEqual(before);
  });
  it("rejects batchSize ≤ 0, empty data and row-count mismatch", () => {
    const { x, y } = data(5);
    expect(() => [...miniBatches(x, y, 0, createRng(0))]).toThrow("miniBatches: batchSize must be a positive integer, got 0");
    expect(() => [...miniBatches(x, y, -3, createRng(0))]).toThrow("miniBatches: batchSize must be a positive integer, got -3");
    expect(() => [...miniBatches(new Matrix(0, 2), new Int32Array(0), 2, createRng(0))]).toThrow("miniBatches: empty data (x is 0x2)");
    expect(() => [...miniBatches(x, new Int32Array(4), 2, createRng(0))]).toThrow("miniBatches: x has 5 rows but y has 4");
  });
});

import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng, type Rng } from "../../src/nn/rng.ts";
import {
  add, addRowVector, argmaxRows, map, matmul, matmulTransA, matmulTransB,
  mul, scale, sub, sum, sumColumns, transpose,
} from "../../src/nn/ops.ts";
import { assertSameShape } from "../../src/nn/guards.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";

function random(rows: number, cols: number, rng: Rng): Matrix {
  return randomMatrix(rows, cols, rng, { uniform: [-1, 1] });
}

/** The textbook triple loop, the reference every fast product is checked against. */
function naive(a: Matrix, b: Matrix): Matrix {
  const c = new Matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.get(i, k) * b.get(k, j);
      c.set(i, j, s);
    }
  }
  return c;
}

function naiveT(a: Matrix): Matrix {
  const t = new Matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t.set(j, i, a.get(i, j));
  return t;
}

function expectClose(actual: Matrix, expected: Matrix, tol = 1e-12): void {
  expect(actual.shape).toBe(expected.shape);
  for (let i = 0; i < actual.data.length; i++) {
    expect(Math.abs(actual.data[i] - expected.data[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(expected.data[i])));
  }
}

// Sizes around the 4×4 register block: below, at, and not multiples of it.
const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 13, 17, 33];

describe("matmul(a, b, out?, accumulate?)", () => {
  it("computes a known 2x3 · 3x2 product", () => {
    const a = Matrix.from([[1, 2, 3], [4, 5, 6]]);
    const b = Matrix.from([[7, 8], [9, 10], [11, 12]]);
    expect(matmul(a, b).toArray()).toEqual([[58, 64], [139, 154]]);
  });
  it("matches the naive triple loop on odd sizes", () => {
    const rng = createRng(1);
    for (const m of sizes) for (const k of sizes) for (const n of [1, 3, 4, 6, 17]) {
      const a = random(m, k, rng), b = random(k, n, rng);
      expectClose(matmul(a, b), naive(a, b));
    }
  });
  it("matches the naive loop on random shapes", () => {
    const rng = createRng(2);
    for (let t = 0; t < 40; t++) {
      const m = 1 + rng.int(70), k = 1 + rng.int(70), n = 1 + rng.int(70);
      const a = random(m, k, rng), b = random(k, n, rng);
      expectClose(matmul(a, b), naive(a, b));
    }
  });
  it("handles 0-size edges", () => {
    expect(matmul(new Matrix(0, 3), new Matrix(3, 2)).shape).toBe("0x2");
    const z = matmul(new Matrix(2, 0), new Matrix(0, 3));
    expect(z.shape).toBe("2x3");
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it("writes into out, overwriting or accumulating", () => {
    const rng = createRng(3);
    const a = random(6, 5, rng), b = random(5, 7, rng);
    const out = Matrix.full(6, 7, 100);
    expect(matmul(a, b, out)).toBe(out);
    expectClose(out, naive(a, b));
    matmul(a, b, out, true);
    expectClose(out, scale(naive(a, b), 2));
  });
  it("throws naming both shapes", () => {
    expect(() => matmul(new Matrix(3, 2), new Matrix(3, 4))).toThrow("matmul: shape mismatch 3x2 · 3x4");
    expect(() => matmul(new Matrix(3, 2), new Matrix(2, 4), new Matrix(3, 3))).toThrow("matmul: out is 3x3, expected 3x4");
  });
  it("refuses an out that shares storage with an input", () => {
    const a = Matrix.from([[1, 2], [3, 4]]);
    expect(() => matmul(a, a, a)).toThrow(/must not share storage/);
    // non-overlapping views of one buffer are fine
    const buf = new Float64Array(8);
    const x = new Matrix(2, 2, buf.subarray(0, 4)), y = new Matrix(2, 2, buf.subarray(4, 8));
    x.data.set([1, 2, 3, 4]);
    expect(matmul(x, Matrix.from([[1, 0], [0, 1]]), y).toArray()).toEqual([[1, 2], [3, 4]]);
  });
});

describe("matmulTransA(a, b, out?, accumulate?)", () => {
  it("equals transpose(a)·b on odd sizes", () => {
    const rng = createRng(4);
    for (const m of sizes) for (const k of sizes) for (const n of [1, 3, 5, 8]) {
      const a = random(m, k, rng), b = random(m, n, rng);
      expectClose(matmulTransA(a, b), naive(naiveT(a), b));
    }
  });
  it("accumulates into out (how a dense layer adds dW)", () => {
    const rng = createRng(5);
    const a = random(9, 3, rng), b = random(9, 5, rng);
    const out = Matrix.full(3, 5, 1);
    matmulTransA(a, b, out, true);
    expectClose(out, add(naive(naiveT(a), b), Matrix.full(3, 5, 1)));
  });
  it("handles 0-size edges", () => {
    const z = matmulTransA(new Matrix(0, 3), new Matrix(0, 2));
    expect(z.shape).toBe("3x2");
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it("throws naming both shapes", () => {
    expect(() => matmulTransA(new Matrix(3, 2), new Matrix(4, 4))).toThrow("matmulTransA: shape mismatch (3x2)ᵀ · 4x4");
  });
});

describe("matmulTransB(a, b, out?, accumulate?)", () => {
  it("equals a·transpose(b) on odd sizes (both the dot-product and the kernel path)", () => {
    const rng = createRng(6);
    for (const m of sizes) for (const k of sizes) for (const n of [1, 3, 5, 8]) {
      const a = random(m, k, rng), b = random(n, k, rng);
      expectClose(matmulTransB(a, b), naive(a, naiveT(b)));
    }
  });
  it("stays correct when a larger call has grown the scratch buffer", () => {
    const rng = createRng(7);
    const big = random(40, 40, rng);
    matmulTransB(big, big);
    const a = random(6, 3, rng), b = random(2, 3, rng);
    expectClose(matmulTransB(a, b), naive(a, naiveT(b)));
  });
  it("accumulates into out", () => {
    const rng = createRng(8);
    for (const m of [2, 9]) {
      const a = random(m, 4, rng), b = random(5, 4, rng);
      const out = Matrix.full(m, 5, 1);
      matmulTransB(a, b, out, true);
      expectClose(out, add(naive(a, naiveT(b)), Matrix.full(m, 5, 1)));
      matmulTransB(a, b, out);
      expectClose(out, naive(a, naiveT(b)));
    }
  });
  it("handles 0-size edges", () => {
    expect(matmulTransB(new Matrix(0, 3), new Matrix(2, 3)).shape).toBe("0x2");
    expect(Array.from(matmulTransB(new Matrix(5, 0), new Matrix(2, 0)).data)).toEqual(new Array(10).fill(0));
  });
  it("throws naming both shapes", () => {
    expect(() => matmulTransB(new Matrix(3, 2), new Matrix(4, 3))).toThrow("matmulTransB: shape mismatch 3x2 · (4x3)ᵀ");
  });
});

describe("transpose(a, out?)", () => {
  it("swaps rows and columns", () => {
    expect(transpose(Matrix.from([[1, 2, 3], [4, 5, 6]])).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(transpose(new Matrix(0, 3)).shape).toBe("3x0");
  });
  it("refuses to transpose into itself", () => {
    const a = Matrix.from([[1, 2], [3, 4]]);
    expect(() => transpose(a, a)).toThrow(/transpose: out must not share storage/);
  });
});

describe("add(a, b, out?), sub(a, b, out?), mul(a, b, out?), scale(a, s, out?)", () => {
  const a = Matrix.from([[1, 2], [3, 4]]), b = Matrix.from([[10, 20], [30, 40]]);
  it("work element-wise", () => {
    expect(add(a, b).toArray()).toEqual([[11, 22], [33, 44]]);
    expect(sub(b, a).toArray()).toEqual([[9, 18], [27, 36]]);
    expect(mul(a, b).toArray()).toEqual([[10, 40], [90, 160]]);
    expect(scale(a, -2).toArray()).toEqual([[-2, -4], [-6, -8]]);
  });
  it("may write into one of their inputs", () => {
    const c = a.clone();
    add(c, b, c);
    expect(c.toArray()).toEqual([[11, 22], [33, 44]]);
    scale(c, 0.5, c);
    expect(c.toArray()).toEqual([[5.5, 11], [16.5, 22]]);
  });
  it("do not modify their inputs", () => {
    add(a, b); sub(a, b); mul(a, b); scale(a, 3);
    expect(a.toArray()).toEqual([[1, 2], [3, 4]]);
  });
  it("throw naming both shapes", () => {
    const c = new Matrix(2, 3);
    expect(() => add(a, c)).toThrow("add: shape mismatch 2x2 vs 2x3");
    expect(() => sub(a, c)).toThrow("sub: shape mismatch 2x2 vs 2x3");
    expect(() => mul(a, c)).toThrow("mul: shape mismatch 2x2 vs 2x3");
    expect(() => scale(a, 2, c)).toThrow("scale: out is 2x3, expected 2x2");
  });
});

describe("assertSameShape(op, a, b)", () => {
  it("passes equal shapes and names the op and both shapes otherwise", () => {
    expect(() => assertSameShape("x", new Matrix(2, 3), new Matrix(2, 3))).not.toThrow();
    expect(() => assertSameShape("mse", new Matrix(3, 1), new Matrix(1, 3))).toThrow("mse: shape mismatch 3x1 vs 1x3");
  });
});

describe("map(x, f, out?)", () => {
  it("applies f with the element's position", () => {
    expect(map(Matrix.from([[1, 2], [3, 4]]), (v, i, j) => v * 10 + i + j).toArray()).toEqual([[10, 21], [31, 42]]);
  });
});

describe("addRowVector(x, b, out?)", () => {
  it("adds b to every row", () => {
    expect(addRowVector(Matrix.from([[1, 2], [3, 4], [5, 6]]), Matrix.from([10, 20])).toArray())
      .toEqual([[11, 22], [13, 24], [15, 26]]);
  });
  it("throws naming both shapes", () => {
    expect(() => addRowVector(new Matrix(4, 3), new Matrix(1, 2))).toThrow("addRowVector: shape mismatch 4x3 + 1x2");
    expect(() => addRowVector(new Matrix(4, 3), new Matrix(3, 1))).toThrow("addRowVector: shape mismatch 4x3 + 3x1");
  });
});

describe("sumColumns(x, out?, accumulate?)", () => {
  it("sums each column over the rows into a 1×n row", () => {
    const s = sumColumns(Matrix.from([[1, 2], [3, 4], [5, 6]]));
    expect(s.shape).toBe("1x2");
    expect(s.toArray()).toEqual([[9, 12]]);
  });
  it("gives zeros for an empty batch", () => {
    expect(sumColumns(new Matrix(0, 3)).toArray()).toEqual([[0, 0, 0]]);
  });
  it("overwrites or accumulates into out", () => {
    const out = Matrix.from([1, 1]);
    sumColumns(Matrix.from([[1, 2], [3, 4]]), out, true);
    expect(out.toArray()).toEqual([[5, 7]]);
    sumColumns(Matrix.from([[1, 2], [3, 4]]), out);
    expect(out.toArray()).toEqual([[4, 6]]);
    expect(() => sumColumns(new Matrix(2, 3), out)).toThrow("sumColumns: out is 1x2, expected 1x3");
  });
});

describe("sum(x)", () => {
  it("adds every element", () => {
    expect(sum(Matrix.from([[1, 2], [3, 4.5]]))).toBe(10.5);
    expect(sum(new Matrix(0, 0))).toBe(0);
  });
});

describe("argmaxRows(x)", () => {
  it("returns the index of each row's largest element, first on ties", () => {
    expect(Array.from(argmaxRows(Matrix.from([[1, 3, 2], [5, 5, 0], [-1, -2, -0.5]])))).toEqual([1, 0, 2]);
  });
  it("points at a NaN instead of hiding it", () => {
    expect(Array.from(argmaxRows(Matrix.from([[1, NaN, 2], [NaN, 0, 1]])))).toEqual([1, 0]);
  });
  it("handles no rows and rejects no columns", () => {
    expect(argmaxRows(new Matrix(0, 3)).length).toBe(0);
    expect(() => argmaxRows(new Matrix(2, 0))).toThrow("argmaxRows: matrix 2x0 has no columns");
  });
});

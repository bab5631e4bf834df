import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { accuracy } from "../../src/nn/metrics.ts";

describe("accuracy(predictions, labels)", () => {
  it("takes the argmax of each row (logits or probabilities alike)", () => {
    const logits = Matrix.from([[2, 1, 0], [0, 5, 1], [1, 2, 3], [9, 0, 0]]);
    expect(accuracy(logits, [0, 1, 2, 1])).toBe(0.75);
    expect(accuracy(logits, Int32Array.from([0, 1, 2, 0]))).toBe(1);
  });
  it("accepts one-hot labels", () => {
    const p = Matrix.from([[0.7, 0.3], [0.4, 0.6]]);
    expect(accuracy(p, Matrix.from([[1, 0], [1, 0]]))).toBe(0.5);
  });
  it("thresholds a single column at 0.5 by default, or at opts.threshold (0 for logits)", () => {
    const p = Matrix.column([0.9, 0.2, 0.6, 0.4]);
    expect(accuracy(p, [1, 0, 1, 1])).toBe(0.75);
    const z = Matrix.column([2, -1, 0.3, -0.2]);
    expect(accuracy(z, [1, 0, 1, 1], { threshold: 0 })).toBe(0.75);
    expect(accuracy(z, Matrix.column([1, 0, 1, 0]), { threshold: 0 })).toBe(1);
  });
  it("rejects an empty batch, mismatched rows, NaN and a one-hot of the wrong width", () => {
    expect(() => accuracy(new Matrix(0, 3), [])).toThrow("accuracy: empty batch");
    expect(() => accuracy(Matrix.zeros(2, 3), [0])).toThrow("accuracy: predictions have 2 rows (2x3) but labels have 1");
    expect(() => accuracy(Matrix.from([[0, 1], [NaN, 0]]), [0, 1])).toThrow("accuracy: NaN in prediction at (1, 0)");
    expect(() => accuracy(Matrix.zeros(2, 3), Matrix.zeros(2, 2))).toThrow("accuracy: one-hot labels are 2x2 but predictions have 3 columns");
  });
});

import { describe, expect, it } from "vitest";
import { createRng } from "../../src/nn/rng.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";

describe("randomMatrix(rows, cols, rng, options?)", () => {
  it("fills row-major with the rng's own draws: N(0, 1), N(mean, std²) or U(lo, hi)", () => {
    const a = createRng(5), b = createRng(5);
    expect(Array.from(randomMatrix(2, 3, a).data)).toEqual(Array.from({ length: 6 }, () => b.normal()));
    expect(Array.from(randomMatrix(3, 2, a, { mean: 1, std: 0.5 }).data)).toEqual(Array.from({ length: 6 }, () => b.normal(1, 0.5)));
    expect(Array.from(randomMatrix(1, 4, a, { uniform: [-2, 3] }).data)).toEqual(Array.from({ length: 4 }, () => b.uniform(-2, 3)));
    expect(randomMatrix(4, 5, a).shape).toBe("4x5");
  });
  it("repeats with the seed", () => {
    expect(randomMatrix(3, 3, createRng(9)).data).toEqual(randomMatrix(3, 3, createRng(9)).data);
  });
  it("names a misplaced rng and bad options", () => {
    expect(() => randomMatrix(2, 2, { std: 1 } as never)).toThrow("randomMatrix: rng comes third, as in randomMatrix(2, 2, createRng(1)), got an object");
    expect(() => randomMatrix(2, 2, createRng(1), { std: -1 })).toThrow("randomMatrix: std must be a finite number >= 0, got -1");
    expect(() => randomMatrix(2, 2, createRng(1), { uniform: [1, 0] })).toThrow("randomMatrix: uniform needs finite lo <= hi, got [1, 0]");
    expect(() => randomMatrix(2, 2, createRng(1), { uniform: [0, 1], std: 2 })).toThrow("randomMatrix: uniform takes no mean or std");
  });
});

/** The estimates' math size is the size math.css draws formulas at. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MATH_SCALE } from "../../src/markdown/math-metrics.ts";

describe("math metrics", () => {
  it("MATH_SCALE is math.css's font-size for <math>", () => {
    const css = readFileSync(new URL("../../src/styles/math.css", import.meta.url), "utf8");
    const size = /(?:^|\n)math\s*\{[^}]*font-size:\s*([\d.]+)em/.exec(css)?.[1];
    expect(Number(size)).toBe(MATH_SCALE);
  });
});

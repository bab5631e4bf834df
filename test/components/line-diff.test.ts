import { describe, expect, it } from "vitest";
import { lineDiff } from "../../src/components/line-diff.ts";

describe("lineDiff(a, b)", () => {
  it("pairs equal lines and separates changed ones", () => {
    const rows = lineDiff("a\nb\nc", "a\nB\nc");
    expect(rows.map((r) => [r.left, r.right, r.same])).toEqual([
      ["a", "a", true],
      [null, "B", false],
      ["b", null, false],
      ["c", "c", true],
    ]);
  });
  it("ignores indentation differences when pairing", () => {
    expect(lineDiff("  x", "x")[0].same).toBe(true);
  });
  it("handles an empty side", () => {
    const rows = lineDiff("", "a");
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.same)).toBe(false);
    expect(rows.map((r) => r.right)).toContain("a");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as guards from "../../src/nn/guards.ts";
import * as nn from "../../src/nn/index.ts";
import { cellNn } from "../../src/runtime/cell-nn.ts";

describe("the learner's namespace (nn/index.ts)", () => {
  const names = Object.keys(nn);

  it("holds none of the library's input guards or internal helpers", () => {
    const internal = [...Object.keys(guards), "checkBackward", "rowLogSumExp", "inferPiecewise", "targetRows", "errorSummary", "fnv1a", "encodeDigits", "decodeDigits"];
    expect(names.filter((n) => internal.includes(n))).toEqual([]);
  });

  it("has no names a PyTorch or micrograd reader misreads (step, zeros, sumRows)", () => {
    expect(names.filter((n) => ["step", "zeros", "sumRows"].includes(n))).toEqual([]);
  });

  it("is listed, name by name, in src/ARCHITECTURE.md", () => {
    const doc = readFileSync(new URL("../../src/ARCHITECTURE.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("## The learner's namespace"), doc.indexOf("## Invariants"));
    expect(Object.keys(cellNn).filter((n) => !section.includes(`\`${n}\``))).toEqual([]);
  });
});

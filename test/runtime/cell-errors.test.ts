/**
 * cellFrames / toCellError: stack frames mapped to cell lines, in linear time
 * whatever the error's text.
 */
import { describe, expect, it } from "vitest";
import { cellFrames, toCellError, type CellSource } from "../../src/runtime/cell-errors.ts";

const identity = (cellId: string): CellSource => ({ cellId, mapPosition: (line, column) => ({ line, column }) });
const sources = new Map<string, CellSource>([
  ["cell-a.ts", identity("a")],
  ["cell-b-2.ts", identity("b-2")],
]);

describe("cellFrames(stack, sources, fallback)", () => {
  it("reads V8 and Firefox frames, innermost first, with function names", () => {
    const v8 = "TypeError: x\n    at inner (cell-b-2.ts:4:7)\n    at async outer (http://h/cell-a.ts:2:3)\n    at cell-a.ts:9:1\n    at other (lib.js:1:1)";
    expect(cellFrames(v8, sources)).toEqual([
      { cellId: "b-2", line: 4, column: 7, fn: "inner" },
      { cellId: "a", line: 2, column: 3, fn: "outer" },
      { cellId: "a", line: 9, column: 1, fn: "" },
    ]);
    expect(cellFrames("f@cell-a.ts:3:9\n@cell-b-2.ts:1:2", sources)).toEqual([
      { cellId: "a", line: 3, column: 9, fn: "f" },
      { cellId: "b-2", line: 1, column: 2, fn: "" },
    ]);
    expect(cellFrames("g@http://h/x.js line 2 > eval:5:6", sources, identity("a"))).toEqual([{ cellId: "a", line: 5, column: 6, fn: "g" }]);
    expect(cellFrames("at f (cell-unknown.ts:1:1)\nat f (cell-a.ts:x:1)", sources)).toEqual([]);
  });

  it("stays linear on hostile text: a 400 KB one-line JSON dump and 10,000 lines of near-misses", () => {
    const dump = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => ({ k: `cell-${i}.ts:${i}` })));
    const nearMisses = Array.from({ length: 10_000 }, () => "cell-".repeat(50) + ".ts:".repeat(50)).join("\n");
    const t0 = performance.now();
    expect(cellFrames(`${dump}\n    at f (cell-a.ts:2:3)`, sources)).toEqual([{ cellId: "a", line: 2, column: 3, fn: "f" }]);
    expect(cellFrames(nearMisses, sources)).toEqual([]);
    // The quadratic regular expression this replaced took minutes here; linear parsing takes milliseconds.
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("toCellError skips a huge message repeated at the top of the stack and still finds the cell frame", () => {
    const e = new Error("{" + '"x":1,'.repeat(200_000) + "}");
    e.stack = `Error: ${e.message}\n    at f (cell-a.ts:7:2)`;
    expect(toCellError(e, sources)).toMatchObject({ name: "Error", cellId: "a", line: 7, column: 2 });
  });
});

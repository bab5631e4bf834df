/**
 * Every cell of every chapter, in both editions, runs headless, in page order,
 * in one shared scope per chapter (the page's semantics), without an error.
 * A Chinese cell has the English twin's code (test/content/twins.test.ts) but
 * its own strings, so it runs too.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { chapterCells } from "../../src/markdown/chapter-cells.ts";
import { createHeadlessNotebook, type HeadlessNotebook } from "../../src/runtime/headless.ts";
import { chapterFiles } from "./chapter-files.ts";

describe.each(chapterFiles().map((f) => [f.path] as const))("%s", (path) => {
  const cells = chapterCells(readFileSync(path, "utf8"));
  let notebook: HeadlessNotebook | null = null;
  afterAll(() => notebook?.close());

  it("has cells with unique ids", () => {
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
  });

  it.each(cells.map((c) => [c.id, c] as const))("cell %s runs without an error", async (_id, cell) => {
    notebook ??= createHeadlessNotebook();
    const outcome = await notebook.run(cell.id, cell.code, {
      silent: cell.silent,
      timeLimitMs: cell.timeoutSeconds ? cell.timeoutSeconds * 1000 : 60_000,
    });
    const where = `${path}:${cell.line}`;
    expect(outcome.error, `${where}: ${outcome.error?.name}: ${outcome.error?.message} (line ${outcome.error?.line})`).toBeUndefined();
    expect(outcome.uncaught, where).toEqual([]);
    expect(outcome.status, where).toBe("ok");
  }, 300_000);
});

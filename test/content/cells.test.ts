/**
 * Every cell of every chapter runs headless, in page order, in one shared
 * scope per chapter (the page's semantics), without an error.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chapterCells } from "../../src/markdown/chapter-cells.ts";
import { createHeadlessNotebook, type HeadlessNotebook } from "../../src/runtime/headless.ts";

const chapters = readdirSync("content", { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join("content", d.name, "index.mdx")))
  .map((d) => d.name)
  .sort();

describe.each(chapters)("content/%s", (chapter) => {
  const cells = chapterCells(readFileSync(join("content", chapter, "index.mdx"), "utf8"));
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
    const where = `content/${chapter}/index.mdx:${cell.line}`;
    expect(outcome.error, `${where}: ${outcome.error?.name}: ${outcome.error?.message} (line ${outcome.error?.line})`).toBeUndefined();
    expect(outcome.uncaught, where).toEqual([]);
    expect(outcome.status, where).toBe("ok");
  }, 300_000);
});

/**
 * Every "Predict, then run" checkpoint names a cell of its chapter and a value
 * that cell really computes: run the chapter headless up to the cell (the
 * page's semantics, defaults for every control), read the value, and check it
 * is a finite number or one of the checkpoint's choices. A checkpoint whose
 * answer could only be pasted text fails here.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { VALUE_PATH } from "../../src/components/predict-rules.ts";
import { chapterCells } from "../../src/markdown/chapter-cells.ts";
import { createHeadlessNotebook, type HeadlessNotebook } from "../../src/runtime/headless.ts";
import { chapterFiles } from "./chapter-files.ts";

interface Checkpoint {
  id: string;
  cell: string;
  value: string;
  choices: string[];
}

/** The `<Predict …>` tags of a chapter, with their attributes (double- or single-quoted). */
export function checkpoints(mdx: string): Checkpoint[] {
  return [...mdx.matchAll(/<Predict\s([^>]*)>/g)].map((m) => {
    const attrs = Object.fromEntries([...m[1].matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)')/g)].map((a) => [a[1], a[2] ?? a[3]]));
    return { id: attrs.id, cell: attrs.cell, value: attrs.value, choices: attrs.choices ? attrs.choices.split("|").map((c) => c.trim()) : [] };
  });
}

// Both editions: a Chinese checkpoint's choices must match what its (Chinese) cell computes.
const chapters = chapterFiles()
  .filter((f) => /^0[1-8]-/.test(f.folder) || readFileSync(f.path, "utf8").includes("<Predict"))
  .map((f) => [f.path, f.folder] as const);

describe.each(chapters)("checkpoints of %s", (path, chapter) => {
  const mdx = readFileSync(path, "utf8");
  const cells = chapterCells(mdx);
  const points = checkpoints(mdx);
  let notebook: HeadlessNotebook | null = null;
  let ranUpTo = -1;
  afterAll(() => notebook?.close());

  it("has at least two checkpoints in chapters 1–8", () => {
    if (/^0[1-8]-/.test(chapter)) expect(points.length).toBeGreaterThanOrEqual(2);
  });

  // In page order of their cells, so the chapter runs once, top to bottom.
  const ordered = [...points].sort((a, b) => cells.findIndex((c) => c.id === a.cell) - cells.findIndex((c) => c.id === b.cell));
  it.each(ordered.map((p) => [p.id, p] as const))("checkpoint %s reads a value its cell computed", async (_id, p) => {
    expect(p.value, `checkpoint ${p.id}: the value must name what the cell computed`).toMatch(VALUE_PATH);
    const at = cells.findIndex((c) => c.id === p.cell);
    expect(at, `checkpoint ${p.id} names cell ${p.cell}, which is not in the chapter`).toBeGreaterThanOrEqual(0);
    notebook ??= createHeadlessNotebook();
    for (const cell of cells.slice(ranUpTo + 1, at + 1)) {
      const out = await notebook.run(cell.id, cell.code, { silent: cell.silent, timeLimitMs: (cell.timeoutSeconds ?? 60) * 1000 });
      expect(out.status, `cell ${cell.id}: ${out.error?.message}`).toBe("ok");
    }
    ranUpTo = Math.max(ranUpTo, at);
    const read = await notebook.run(`read-${p.id}`, p.value);
    expect(read.status, `${p.value}: ${read.error?.message}`).toBe("ok");
    const v = read.result;
    if (p.choices.length) {
      expect(v?.kind).toBe("string");
      expect(p.choices).toContain(v?.kind === "string" ? v.value : null);
    } else {
      expect(v?.kind).toBe("number");
      expect(Number.isFinite(v?.kind === "number" ? v.value : Number.NaN)).toBe(true);
    }
  }, 600_000);
});

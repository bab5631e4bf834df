/**
 * Reads the cells of a chapter's MDX source in page order, with the same
 * metadata rules as the build (`parseCellMeta`). Used by the content tests to
 * run every cell headless exactly as a reader would.
 */
import { parseCellMeta, type CellMeta } from "./cells.ts";

/** A cell as written in a chapter. */
export interface ChapterCell extends CellMeta {
  code: string;
  /** 1-based line of the opening fence in the MDX file. */
  line: number;
}

/** Fenced blocks (``` or ~~~, three or more) whose info string marks them as cells. */
export function chapterCells(mdx: string): ChapterCell[] {
  const lines = mdx.split("\n");
  const cells: ChapterCell[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]+)?\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j])) body.push(lines[j++]);
    const meta = parseCellMeta(open[3], open[4]);
    if (meta) cells.push({ ...meta, code: body.join("\n"), line: i + 1 });
    i = j;
  }
  return cells;
}

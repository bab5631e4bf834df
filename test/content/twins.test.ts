/**
 * The two editions stay twins. For every chapter with a Chinese edition
 * (`index.zh.mdx`): the same order, the same headings (count and depth, in
 * order), the same cells (ids, order, options) with the same code token for
 * token (comments and string contents may differ: test/content/code-tokens.ts),
 * and the same exercises, checkpoints, figures and digit pads in the same order
 * with the same non-text attributes. A change to one edition that is not
 * mirrored in the other fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chapterCells } from "../../src/markdown/chapter-cells.ts";
import { chapterFiles } from "./chapter-files.ts";
import { sameCode } from "./code-tokens.ts";

/** The MDX with fenced blocks blanked out (so `#` comments in code are not headings). */
function prose(mdx: string): string {
  return mdx.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\s*\2[^\n]*$/gm, "");
}

function frontmatterOrder(mdx: string): number | undefined {
  const m = /^---\n[\s\S]*?^order:\s*(\d+)\s*$/m.exec(mdx);
  return m ? Number(m[1]) : undefined;
}

/** Heading depths in order: "2 3 3 2 …". */
function headingDepths(mdx: string): string {
  return [...prose(mdx).matchAll(/^(#{1,6})\s/gm)].map((m) => m[1].length).join(" ");
}

/** Attributes that are not prose, per element: what must be equal in both editions. */
const STRUCTURAL: Record<string, string[]> = {
  Exercise: ["id"],
  Predict: ["id", "cell", "value", "tolerance", "scale"],
  Figure: ["name"],
  DigitPad: ["fn"],
};

/** `<Exercise id="x">`, `<Predict …>`, … in order, each with its structural attributes (and its choice count). */
function markers(mdx: string): string[] {
  return [...prose(mdx).matchAll(/<(Exercise|Predict|Figure|DigitPad)\b([^>]*)>/g)].map((m) => {
    const attrs = Object.fromEntries([...m[2].matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g)].map((a) => [a[1], a[2] ?? a[3] ?? a[4]]));
    const kept = STRUCTURAL[m[1]].filter((k) => attrs[k] !== undefined).map((k) => `${k}=${attrs[k]}`);
    if (attrs.choices !== undefined) kept.push(`choices×${attrs.choices.split("|").length}`);
    return `<${m[1]} ${kept.join(" ")}>`;
  });
}

const twins = chapterFiles(["zh-CN"]).map((zh) => [zh.folder, zh.path, join("content", zh.folder, "index.mdx")] as const);

describe.each(twins)("content/%s: the Chinese edition is a twin of the English", (_folder, zhPath, enPath) => {
  const en = readFileSync(enPath, "utf8");
  const zh = readFileSync(zhPath, "utf8");

  it("has the same place in the course", () => {
    expect(frontmatterOrder(zh)).toBe(frontmatterOrder(en));
  });

  it("has the same headings, in the same order and depth", () => {
    expect(headingDepths(zh)).toBe(headingDepths(en));
  });

  it("has the same exercises, checkpoints, figures and digit pads, in the same order", () => {
    expect(markers(zh)).toEqual(markers(en));
  });

  const enCells = chapterCells(en), zhCells = chapterCells(zh);
  it("has the same cells with the same options, in the same order", () => {
    const shape = (c: (typeof enCells)[number]) => ({ id: c.id, timeoutSeconds: c.timeoutSeconds, silent: c.silent, folded: c.fold !== undefined });
    expect(zhCells.map(shape)).toEqual(enCells.map(shape));
  });

  it.each(enCells.map((c, i) => [c.id, i] as const))("cell %s has the English cell's code, token for token", (id, i) => {
    const zhCell = zhCells[i];
    expect(zhCell?.id, `cell ${i} of ${zhPath} should be ${id}`).toBe(id);
    const same = sameCode(enCells[i].code, zhCell.code);
    expect(same.equal, `${zhPath}:${zhCell.line} cell ${id} differs from ${enPath}: ${same.firstDifference}`).toBe(true);
  });
});

describe("code-tokens", () => {
  it("ignores comments and literal text but not code", () => {
    expect(sameCode('const a = 1; // one\nconsole.log(`a is ${a + 1}`, "x");', 'const a = 1; // 一\nconsole.log(`a 等于 ${a + 1}`, "乙");').equal).toBe(true);
    expect(sameCode("/** The sum. */\nfunction f(a: number) { return a; }", "/** 求和。 */\nfunction f(a: number) { return a; }").equal).toBe(true);
    expect(sameCode("const a = 1;", "const a = 2;").equal).toBe(false);
    expect(sameCode("console.log(`${a}`)", "console.log(`${b}`)").equal).toBe(false);
    expect(sameCode("f(a, b)", "f(b, a)").equal).toBe(false);
  });
});

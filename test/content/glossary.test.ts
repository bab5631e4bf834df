/**
 * The glossary exists in two editions that share one set of term pairs. The
 * English page's 中文 column is the single source: the Chinese page has a row
 * for every English row, under the same `term-…` anchor, with the same Chinese
 * term and English term, linking to the same section of the Chinese chapter.
 * Chinese rows are sorted by the pinyin of the Chinese term, and the one-line
 * index above the table links each initial letter to its first term.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const en = readFileSync("content/91-glossary/index.mdx", "utf8");
const zh = readFileSync("content/91-glossary/index.zh.mdx", "utf8");

const pinyin = new Intl.Collator("zh-CN-u-co-pinyin");

interface Row {
  id: string;
  zh: string;
  en: string;
  href: string;
}

/** English rows: `| <span id="term-x" />[English](/slug/#a) | <span lang="zh-CN">中文</span> | … |`. */
function englishRows(mdx: string): Row[] {
  return [...mdx.matchAll(/^\| <span id="term-([^"]+)" \/>\[([^\]]+)\]\(([^)]+)\) \| <span lang="zh-CN">([^<]+)<\/span> \|/gm)]
    .map((m) => ({ id: m[1], en: m[2], href: m[3], zh: m[4] }));
}

/** Chinese rows: `| <span id="term-x" />[中文](/zh/slug/#a) | <span lang="en">English</span> | … |`. */
function chineseRows(mdx: string): Row[] {
  return [...mdx.matchAll(/^\| <span id="term-([^"]+)" \/>\[([^\]]+)\]\(([^)]+)\) \| <span lang="en">([^<]+)<\/span> \|/gm)]
    .map((m) => ({ id: m[1], zh: m[2], href: m[3], en: m[4] }));
}

/** Every table row that names a term anchor, whatever its shape (so a malformed row is not silently skipped). */
function anchorRows(mdx: string): string[] {
  return [...mdx.matchAll(/^\|.*<span id="term-([^"]+)"/gm)].map((m) => m[1]);
}

/**
 * The first character of each initial in the pinyin collation's order (阿 ā,
 * 八 bā, … 帀 zā). A Chinese character's initial is the last letter whose first
 * character sorts at or before it. I, U and V begin no pinyin syllable.
 */
const FIRST_OF_LETTER: readonly (readonly [string, string])[] = [
  ["A", "阿"], ["B", "八"], ["C", "嚓"], ["D", "咑"], ["E", "妸"], ["F", "发"], ["G", "旮"], ["H", "哈"],
  ["J", "丌"], ["K", "咔"], ["L", "垃"], ["M", "妈"], ["N", "拏"], ["O", "噢"], ["P", "妑"], ["Q", "七"],
  ["R", "呥"], ["S", "仨"], ["T", "他"], ["W", "屲"], ["X", "夕"], ["Y", "丫"], ["Z", "帀"],
];

/** The index letter of a term: its pinyin initial, or its first letter for a name in Latin script (Adam, ReLU). */
function initial(term: string): { letter: string; latin: boolean } {
  const first = term[0];
  if (/[A-Za-z]/.test(first)) return { letter: first.toUpperCase(), latin: true };
  let letter: string | undefined;
  for (const [l, c] of FIRST_OF_LETTER) if (pinyin.compare(first, c) >= 0) letter = l;
  if (letter === undefined) throw new Error(`no pinyin initial for ${term}`);
  return { letter, latin: false };
}

/** The index line: `拼音索引：[A](#term-x) · … ｜ 以西文字母开头：[A](#term-y) · …`, as two lists of letter → id. */
function indexLine(mdx: string): { han: string[]; latin: string[] } {
  const line = mdx.split("\n").find((l) => l.startsWith("拼音索引："));
  if (!line) throw new Error("the glossary has no line starting with 拼音索引：");
  const [hanPart, latinPart = ""] = line.split("｜");
  const links = (part: string) => [...part.matchAll(/\[([A-Z])\]\(#term-([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]}`);
  return { han: links(hanPart), latin: links(latinPart) };
}

/** Symbol rows: `| $x$, $X$ | 中文 | … |` (the English page's 中文 wrapped in a span). */
function symbolRows(mdx: string): [string, string][] {
  const section = mdx.slice(mdx.indexOf("{#symbols}") >= 0 ? mdx.indexOf("{#symbols}") : mdx.indexOf("## Symbols"));
  return [...section.matchAll(/^\| (\$[^|]+) \| (?:<span lang="zh-CN">)?([^|<]+?)(?:<\/span>)? \|/gm)].map((m) => [m[1].trim(), m[2].trim()]);
}

const enRows = englishRows(en);
const zhRows = chineseRows(zh);

describe("the glossary's two editions", () => {
  it("every term row of each page is read (no malformed rows), and there are many", () => {
    expect(enRows.map((r) => r.id)).toEqual(anchorRows(en));
    expect(zhRows.map((r) => r.id)).toEqual(anchorRows(zh));
    expect(enRows.length).toBeGreaterThan(60);
  });

  it("have the same set of term anchors, each once", () => {
    expect(new Set(zhRows.map((r) => r.id)).size).toBe(zhRows.length);
    expect(zhRows.map((r) => r.id).sort()).toEqual(enRows.map((r) => r.id).sort());
  });

  it("give each term the same Chinese and English names, and link to the same section of the Chinese chapter", () => {
    const byId = new Map(zhRows.map((r) => [r.id, r]));
    for (const e of enRows) {
      const z = byId.get(e.id);
      expect(z?.zh, `term-${e.id}: 中文`).toBe(e.zh);
      expect(z?.en, `term-${e.id}: English`).toBe(e.en);
      expect(z?.href, `term-${e.id}: link`).toBe(`/zh${e.href}`);
    }
  });

  it("have the same symbols with the same Chinese names", () => {
    const enSymbols = symbolRows(en);
    expect(enSymbols.length).toBeGreaterThan(10);
    expect(symbolRows(zh)).toEqual(enSymbols);
  });
});

describe("the Chinese glossary's order", () => {
  it("sorts its rows by the pinyin of the Chinese term", () => {
    const sorted = [...zhRows].sort((a, b) => pinyin.compare(a.zh, b.zh));
    expect(zhRows.map((r) => r.zh)).toEqual(sorted.map((r) => r.zh));
  });

  it("finds pinyin initials correctly", () => {
    const cases: [string, string][] = [
      ["鞍点", "A"], ["不可导点", "B"], ["超参数", "C"], ["独热编码", "D"], ["二元交叉熵", "E"], ["反向传播", "F"],
      ["更新量", "G"], ["回归", "H"], ["激活函数", "J"], ["链式法则", "L"], ["轮", "L"], ["批", "P"], ["权重", "Q"],
      ["神经元", "S"], ["凸函数", "T"], ["修正线性单元", "X"], ["异或", "Y"], ["准确率", "Z"], ["ReLU 神经元死亡", "R"],
    ];
    expect(cases.map(([term]) => initial(term).letter)).toEqual(cases.map(([, l]) => l));
  });

  it("has an index line whose letters are exactly the initials that occur, each linking to its first term", () => {
    const expected = { han: [] as string[], latin: [] as string[] };
    const seen = new Set<string>();
    for (const r of zhRows) {
      const { letter, latin } = initial(r.zh);
      const key = `${latin ? "latin" : "han"} ${letter}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (latin ? expected.latin : expected.han).push(`${letter} ${r.id}`);
    }
    expect(indexLine(zh)).toEqual(expected);
  });
});

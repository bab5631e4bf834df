/**
 * The glossary exists in two editions that share one set of term pairs. The
 * English page's 中文 column is the single source: the Chinese page has a row
 * for every English row, under the same `term-…` anchor, with the same Chinese
 * term and English term, linking to the same section of the Chinese chapter.
 * Chinese rows are sorted by the pinyin of the Chinese term.
 *
 * The terms stand in one table per initial letter (the English term's first
 * letter; the Chinese term's pinyin initial, names in Latin script apart and
 * last), each under a heading of its letter, so that each letter is a block of
 * its own that the browser can skip while it is off screen. An index above
 * the first table (one line in English; in Chinese a line of pinyin initials
 * and a line of Latin ones) links every heading. The two editions group their
 * rows differently by design, so the headings are written as HTML with their
 * id on a span (`<h3><span id="initial-a" />A</h3>`), like the terms' anchors:
 * they are not part of the headings and anchors the twins share
 * (test/content/twins.test.ts, test/build/twin-anchors.test.ts), and they stay
 * out of the table of contents.
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

/** The links of a part of an index line, as `letter id`. */
const indexLinks = (part: string) => [...part.matchAll(/\[([^\]]+)\]\(#([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]}`);

/** The line of a page that starts with `prefix`. */
function lineStarting(mdx: string, prefix: string): string {
  const line = mdx.split("\n").find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`the glossary has no line starting with ${prefix}`);
  return line;
}

/**
 * The Chinese index, one paragraph of two lines (a hard break between them): `拼音索引：[A](#initial-a) · …\` and
 * `以西文字母开头：[A](#initial-latin-a) · …`, as two lists of letter → id.
 */
function indexLine(mdx: string): { han: string[]; latin: string[] } {
  const han = lineStarting(mdx, "拼音索引：");
  const latin = lineStarting(mdx, "以西文字母开头：");
  if (!han.endsWith("\\") || mdx.indexOf(`${han}\n${latin}\n`) < 0) throw new Error("the two lines of the index are not one paragraph");
  return { han: indexLinks(han), latin: indexLinks(latin) };
}

/** A heading over one initial's table, and the term ids of that table's rows. */
interface Group {
  id: string;
  title: string;
  /** The table's first two lines (its header row and the delimiter row). */
  head: string[];
  rows: string[];
}

/**
 * The `## Terms` section as its initials' groups: each an `<h3><span id="initial-…" />…</h3>` line, a blank line
 * and a table. Throws on anything else there (a table without a heading, a heading without a table, a stray line),
 * so that a row outside every group is not silently skipped.
 */
function groups(mdx: string): Group[] {
  const start = mdx.indexOf("{#terms}") >= 0 ? mdx.indexOf("{#terms}") : mdx.indexOf("## Terms");
  const end = mdx.indexOf("\n## ", start);
  const lines = mdx.slice(start, end).split("\n").slice(1);
  const found: Group[] = [];
  let i = lines.findIndex((l) => l.startsWith("<h3"));
  if (i < 0) throw new Error("no initial heading under Terms");
  while (i < lines.length) {
    if (lines[i] === "") { i++; continue; }
    const h = /^<h3><span id="(initial-[a-z-]+)" \/>([^<]+)<\/h3>$/.exec(lines[i]);
    if (!h) throw new Error(`expected an initial's heading, found: ${lines[i]}`);
    if (lines[i + 1] !== "") throw new Error(`no blank line after the heading ${h[2]}`);
    const head = lines.slice(i + 2, i + 4);
    const rows: string[] = [];
    for (i += 4; lines[i]?.startsWith("|"); i++) {
      const id = /^\| <span id="term-([^"]+)"/.exec(lines[i]);
      if (!id) throw new Error(`not a term row under ${h[2]}: ${lines[i]}`);
      rows.push(id[1]);
    }
    found.push({ id: h[1], title: h[2], head, rows });
  }
  return found;
}

/** Symbol rows: `| $x$, $X$ | 中文 | … |` (the English page's 中文 wrapped in a span). */
function symbolRows(mdx: string): [string, string][] {
  const section = mdx.slice(mdx.indexOf("{#symbols}") >= 0 ? mdx.indexOf("{#symbols}") : mdx.indexOf("## Symbols"));
  return [...section.matchAll(/^\| (\$[^|]+) \| (?:<span lang="zh-CN">)?([^|<]+?)(?:<\/span>)? \|/gm)].map((m) => [m[1].trim(), m[2].trim()]);
}

const enRows = englishRows(en);
const zhRows = chineseRows(zh);
const enGroups = groups(en);
const zhGroups = groups(zh);

/** The heading a term belongs under: English by its first letter, Chinese by its pinyin initial or, for a Latin name, its first letter. */
const enHeading = (term: string) => ({ id: `initial-${term[0].toLowerCase()}`, title: term[0].toUpperCase() });
function zhHeading(term: string) {
  const { letter, latin } = initial(term);
  return latin ? { id: `initial-latin-${letter.toLowerCase()}`, title: `西文字母 ${letter}` } : { id: `initial-${letter.toLowerCase()}`, title: letter };
}

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

  it("hold every term row in one table per initial, each table with the page's header row", () => {
    const cases = [
      [enGroups, enRows, '| English | <span lang="zh-CN">中文</span> | Definition |'],
      [zhGroups, zhRows, '| 中文 | <span lang="en">English</span> | 定义 |'],
    ] as const;
    for (const [gs, rows, header] of cases) {
      expect(gs.length).toBeGreaterThan(15);
      expect(gs.flatMap((g) => g.rows)).toEqual(rows.map((r) => r.id));
      for (const g of gs) {
        expect(g.head, g.title).toEqual([header, "| --- | --- | --- |"]);
        expect(g.rows.length, `${g.title} has no rows`).toBeGreaterThan(0);
      }
      expect(new Set(gs.map((g) => g.id)).size, "an initial's heading twice").toBe(gs.length);
    }
  });

  it("put every term under the heading of its own initial", () => {
    const cases = [[enGroups, enRows, (r: Row) => enHeading(r.en)], [zhGroups, zhRows, (r: Row) => zhHeading(r.zh)]] as const;
    for (const [gs, rows, heading] of cases) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const misplaced = gs.flatMap((g) => g.rows.flatMap((id) => {
        const want = heading(byId.get(id)!);
        return want.id === g.id && want.title === g.title ? [] : [`term-${id} is under "${g.title}" (#${g.id}), belongs under "${want.title}" (#${want.id})`];
      }));
      expect(misplaced).toEqual([]);
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

  it("has an index line whose letters are exactly the initials that occur, each linking to its heading", () => {
    const expected = { han: [] as string[], latin: [] as string[] };
    const seen = new Set<string>();
    for (const r of zhRows) {
      const { letter, latin } = initial(r.zh);
      const key = `${latin ? "latin" : "han"} ${letter}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (latin ? expected.latin : expected.han).push(`${letter} ${zhHeading(r.zh).id}`);
    }
    expect(indexLine(zh)).toEqual(expected);
  });

  it("orders its headings pinyin first, then the Latin names, each alphabetically, and its index line links every one", () => {
    const { han, latin } = indexLine(zh);
    expect([...han, ...latin].map((l) => l.split(" ")[1])).toEqual(zhGroups.map((g) => g.id));
    const letters = (latinGroup: boolean) => zhGroups.filter((g) => g.id.startsWith("initial-latin-") === latinGroup).map((g) => g.id.slice(-1));
    expect(letters(false)).toEqual([...letters(false)].sort());
    expect(letters(true)).toEqual([...letters(true)].sort());
    expect(zhGroups.findIndex((g) => g.id.startsWith("initial-latin-"))).toBe(letters(false).length);
  });
});

describe("the English glossary's order", () => {
  it("sorts its headings alphabetically, and its index line links every one, in order, by its letter", () => {
    expect(indexLinks(lineStarting(en, "Index: "))).toEqual(enGroups.map((g) => `${g.title} ${g.id}`));
    expect(enGroups.map((g) => g.title)).toEqual(enGroups.map((g) => g.title).sort());
  });
});

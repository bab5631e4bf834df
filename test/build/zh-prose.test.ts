/**
 * A Chinese page reads as Chinese: its prose (outside code, cells, math,
 * identifiers and anything marked as another language, such as the glossary's
 * English column) may hold only a small share of Latin-script words — the
 * English term in parentheses on first use, names like ReLU or Adam. When the
 * share is too high the test lists the words, most frequent first.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

/** Largest share of Latin-script words among a Chinese page's prose words. */
const MAX_LATIN_SHARE = 0.08;
/** Chinese words are about 1.5 characters long on average: the CJK character count is converted to words. */
const CHARS_PER_WORD = 1.5;

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? pages(p) : name === "index.html" ? [p] : [];
  });
}

const SKIP = [
  "script", "style", "template", "pre", "code", "kbd", "svg", ".katex", ".katex-display",
  ".cell", ".exercise-cell", ".exercise-solution", ".notebook-bar", '[lang]:not([lang^="zh"])',
].join(", ");

/** The page's prose words: Latin-script words (two letters or more) and the CJK character count. */
export function proseWords(html: string): { latin: string[]; cjkChars: number } {
  const { document } = parseHTML(html);
  const main = document.querySelector("main");
  if (!main) return { latin: [], cjkChars: 0 };
  for (const el of main.querySelectorAll(SKIP)) el.remove();
  const text = main.textContent ?? "";
  return { latin: text.match(/[A-Za-z]{2,}(?:['’-][A-Za-z]+)*/g) ?? [], cjkChars: (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length };
}

const zhPages = (() => {
  try {
    return pages(join("dist", "zh"));
  } catch {
    return [];
  }
})();

describe("Chinese pages read as Chinese", () => {
  it("the site has Chinese pages", () => {
    expect(zhPages.length).toBeGreaterThan(0);
  });

  it.each(zhPages)("%s: few Latin-script words in its prose", (file) => {
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/<html lang="zh-CN"/);
    const { latin, cjkChars } = proseWords(html);
    const words = latin.length + cjkChars / CHARS_PER_WORD;
    const share = words === 0 ? 0 : latin.length / words;
    const counts = new Map<string, number>();
    for (const w of latin) counts.set(w, (counts.get(w) ?? 0) + 1);
    const listed = [...counts].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w}×${n}`).join(", ");
    expect(share, `${(share * 100).toFixed(1)} % of the prose words are Latin-script (at most ${MAX_LATIN_SHARE * 100} %): ${listed}`).toBeLessThanOrEqual(MAX_LATIN_SHARE);
  });
});

describe("proseWords", () => {
  it("counts prose, not code, math or English-marked text", () => {
    const { latin, cjkChars } = proseWords('<html><body><main><p>反向传播（backpropagation）<code>grad</code><span class="katex">x y</span><td lang="en">Gradient</td></p></main></body></html>');
    expect(latin).toEqual(["backpropagation"]);
    expect(cjkChars).toBe(4);
  });
});

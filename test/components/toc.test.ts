/**
 * Table-of-contents entries (src/components/toc.ts) for headings with inline
 * math: Astro's heading text repeats the formula (KaTeX's MathML and its TeX
 * annotation, concatenated); the entry shows it once. The headings come from
 * the same Markdown pipeline and KaTeX plugin the site uses.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createSatteriMarkdownProcessor } from "@astrojs/markdown-satteri";
import { katexPlugin } from "../../src/markdown/katex.ts";
import { headingHtml, sourceHeadings, tocEntries, type Heading } from "../../src/components/toc.ts";

/** What a reader sees of some HTML: a formula's TeX annotation (for copying and assistive technology, not shown) left out. */
function visibleText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="x">${html}</div></body></html>`);
  const root = document.getElementById("x")!;
  for (const el of root.querySelectorAll("annotation")) el.remove();
  return (root.textContent ?? "").replace(/\s+/g, " ").trim();
}

async function headingsOf(markdown: string): Promise<Heading[]> {
  const processor = await createSatteriMarkdownProcessor({ features: { math: true, headingAttributes: true }, mdastPlugins: [katexPlugin] });
  return (await processor.render(markdown)).metadata.headings;
}

const BODY = [
  "## What you will learn",
  "",
  "Prose with $x$ inline.",
  "",
  "```ts",
  "## not a heading, code",
  "```",
  "",
  "### What $\\partial L/\\partial w$ means for a weight",
  "",
  "## The gradient $\\nabla_w L$ and `grad()` {#the-gradient}",
  "",
].join("\n");

describe("table of contents entries", () => {
  it("Astro's heading text repeats a formula (the bug this guards against)", async () => {
    const h = (await headingsOf(BODY)).find((x) => x.text.startsWith("What 𝜕"));
    expect(h?.text).toContain("\\partial L");
  });

  it("show each formula once, typeset, and leave headings without math alone", async () => {
    const headings = await headingsOf(BODY);
    const toc = tocEntries(headings, BODY);
    expect(toc.map((e) => e.depth)).toEqual([2, 3, 2]);
    expect(toc[0]).toEqual(headings[0]);
    expect(toc[0].html).toBeUndefined();
    expect(visibleText(toc[1].html!)).toBe("What 𝜕L/𝜕w means for a weight");
    expect(toc[1].html).toContain('class="katex"');
    expect(toc[1].slug).toBe(headings[1].slug);
    expect(visibleText(toc[2].html!)).toBe("The gradient ∇wL and grad()");
    expect(toc[2].slug).toBe("the-gradient");
  });

  it("reads headings outside code fences only, without their {#id}", () => {
    expect(sourceHeadings(BODY)).toEqual([
      { depth: 2, source: "What you will learn" },
      { depth: 3, source: "What $\\partial L/\\partial w$ means for a weight" },
      { depth: 2, source: "The gradient $\\nabla_w L$ and `grad()`" },
    ]);
  });

  it("escapes a heading's words and keeps escaped dollars as text", () => {
    expect(headingHtml("a <b> & \\$5")).toBe("a &lt;b&gt; &amp; $5");
  });

  it("keeps Astro's text everywhere when source and rendered headings do not pair up", async () => {
    const headings = await headingsOf(BODY);
    const toc = tocEntries([...headings, { depth: 2, slug: "extra", text: "Extra" }], BODY);
    expect(toc.every((e) => e.html === undefined)).toBe(true);
  });
});

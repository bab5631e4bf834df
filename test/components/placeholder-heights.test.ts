/**
 * Build-time placeholder estimates (src/components/placeholder-heights.ts): what each kind of block counts, and
 * that writing them changes nothing else in the chapter's HTML. test/e2e/skipped-blocks.test.ts holds the
 * estimates against real heights in the browser.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { declare, shapeOf, withPlaceholderHeights, type Shape } from "../../src/components/placeholder-heights.ts";

function shape(html: string): Shape {
  const el = parseDocument(html).children.find((n) => n.type === "tag") as Element;
  return shapeOf(el);
}

const styleOf = (html: string): string[] => [...html.matchAll(/ style="([^"]*)"/g)].map((m) => m[1]);

describe("withPlaceholderHeights", () => {
  it("adds a style to each top-level block and leaves every other byte alone", () => {
    const html = `<h2 id="a">A</h2>\n<p>Some <em>prose</em> &amp; more.</p>\n<ul><li>one</li><li>two</li></ul>\n<!-- note -->\n<hr>\n<div class="math-display"><span class="katex-strut" style="height:2.5em"></span></div>`;
    const out = withPlaceholderHeights(html);
    expect(out.replace(/ style="--[^"]*"/g, "")).toBe(html.replace(/ style="--[^"]*"/g, ""));
    expect(out.startsWith(`<h2 id="a">A</h2>`)).toBe(true); // headings are never skipped
    expect(out).toContain(`<p style="--p:`);
    expect(out).toContain(`<ul style="--p:`);
    expect(out).toMatch(/<div class="math-display" style="--a:[\d.]+">/);
  });

  it("appends to a style the block already has, and is not fooled by a > inside an attribute", () => {
    const html = `<figure title="a > b" style="margin: 0"><figcaption>x</figcaption></figure><p style="color:red;" data-x='>'>y</p>`;
    const out = withPlaceholderHeights(html);
    expect(out).toMatch(/^<figure title="a > b" style="margin: 0;--a:[\d.]+;--p:[\d.]+;--s:[\d.]+">/);
    expect(out).toMatch(/<p style="color:red;--p:[\d.]+;--s:[\d.]+" data-x='>'>y<\/p>$/);
  });

  it("leaves entities, comments, raw text and non-ASCII as they were", () => {
    const html = `<section class="cell"><template class="cell-source">const a = b &lt; c &amp;&amp; "d" > 'e';</template><!-- <p> --><p>Σ &nbsp; 梯度 {x}</p><script>if (a < b) {}</script></section>\n<p>&#x27;</p>`;
    expect(withPlaceholderHeights(html).replace(/ style="--[^"]*"/g, "")).toBe(html);
    expect(styleOf(withPlaceholderHeights(html))).toHaveLength(2);
  });
});

describe("shapeOf", () => {
  it("counts prose by characters, CJK ones a full em, with a line per paragraph or item", () => {
    const latin = shape(`<p>${"a".repeat(100)}</p>`);
    const cjk = shape(`<p>${"字".repeat(100)}</p>`);
    expect(latin.prose).toBeCloseTo(100 * 0.55 * 1.2);
    expect(cjk.prose).toBeCloseTo(100 * 1.2);
    expect(shape(`<ul><li>a</li><li>b</li><li>c</li></ul>`).lines).toBeGreaterThan(latin.lines);
    expect(shape(`<ul><li>a</li></ul>`).indent).toBeGreaterThan(0);
    expect(latin.indent).toBe(0);
  });

  it("leaves out what is not shown as prose: a cell's source, a formula's TeX, a folded body, toolbars", () => {
    const bare = shape(`<section class="cell"><p>x</p></section>`);
    const withHidden = shape(
      `<section class="cell"><p>x</p><template class="cell-source">${"code ".repeat(500)}</template>` +
        `<annotation encoding="application/x-tex">${"m".repeat(300)}</annotation><div class="cell-toolbar">${"b".repeat(50)}</div>` +
        `<details><summary></summary><div>${"f".repeat(400)}<pre>${"line\n".repeat(80)}</pre></div></details></section>`,
    );
    expect(withHidden.prose).toBeCloseTo(bare.prose);
    expect(withHidden.fixed).toBeCloseTo(bare.fixed);
  });

  it("an open details body counts, and so does its code", () => {
    const closed = shape(`<section><details><summary></summary><pre>${"l\n".repeat(30)}</pre></details></section>`);
    const open = shape(`<section><details open><summary></summary><pre>${"l\n".repeat(30)}</pre></details></section>`);
    expect(open.fixed - closed.fixed).toBeGreaterThan(30);
  });

  it("a formula is as tall as its structure, at any width", () => {
    const display = (mathml: string) => shape(`<div class="math-display"><span class="katex"><math display="block"><semantics><mrow>${mathml}</mrow><annotation encoding="application/x-tex">\\frac{a}{b}</annotation></semantics></math></span></div>`);
    const line = display(`<mi>x</mi><mo>=</mo><mn>1</mn>`);
    const fraction = display(`<mfrac><mi>a</mi><mi>b</mi></mfrac>`);
    const nested = display(`<mfrac><mfrac><mi>a</mi><mi>b</mi></mfrac><mi>c</mi></mfrac>`);
    const sum = display(`<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>`);
    const cases = display(`<mo fence="true">{</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>2</mn></mtd></mtr></mtable>`);
    expect(line.fixed).toBeCloseTo(1.2 * 1.21 + 2.6); // a line of math is never estimated below 1.2 em
    expect(fraction.fixed - line.fixed).toBeCloseTo((2.3 - 1.2) * 1.21); // two lines and the rule's gap
    expect(nested.fixed - fraction.fixed).toBeCloseTo((0.3 + 2 * 0.71 - 1) * 1.21); // the inner fraction's parts at script size
    expect(sum.fixed - line.fixed).toBeCloseTo((1 + 2 * (0.71 + 0.1) - 1.2) * 1.21); // limits above and below
    expect(cases.fixed - line.fixed).toBeCloseTo((3 * 1.4 - 1.2) * 1.21); // three rows
    expect(sum.prose).toBe(0);
  });

  it("code is a line per line, tighter in a cell", () => {
    const block = shape(`<pre>${"x\n".repeat(9)}x</pre>`);
    const cell = shape(`<section class="cell"><div class="cell-code"><pre>${"x\n".repeat(9)}x</pre></div></section>`);
    expect(block.fixed).toBeCloseTo(10 * 1.1 * 1.65 + 1.5);
    expect(cell.fixed).toBeCloseTo(10 * 1.35 + 1.5 + 3); // and the cell's frame
  });

  it("a chart shrinks with the column; a diagram keeps its size; a figure without a drawing gets room for one", () => {
    const chart = shape(`<figure><div class="plot-frame"><svg viewBox="0 0 640 400"></svg></div></figure>`);
    expect(chart.drawn).toBeCloseTo(400 / 17);
    expect(chart.ratio).toBeCloseTo(400 / 640);
    const diagram = shape(`<figure><div class="plot-diagram"><svg class="plot-x" viewBox="0 0 900 340"></svg></div></figure>`);
    expect(diagram.drawn).toBe(0);
    expect(diagram.fixed).toBeCloseTo(340 / 17 + 1 + 3);
    expect(shape(`<figure><img alt=""></figure>`).fixed).toBeCloseTo(23);
  });

  it("a canvas shrinks with the column like a chart", () => {
    const pad = shape(`<section><canvas width="280" height="280"></canvas></section>`);
    expect(pad.drawn).toBeCloseTo(280 / 17);
    expect(pad.ratio).toBeCloseTo(1);
  });

  it("a table's rows wrap in a share of the column less the cells' padding, never reaching the narrowest column", () => {
    const two = shape(`<table><tr><td>${"a".repeat(40)}</td><td>b</td></tr></table>`);
    const four = shape(`<table><tr><td>${"a".repeat(40)}</td><td>b</td><td>c</td><td>d</td></tr></table>`);
    expect(four.prose).toBeCloseTo(2 * two.prose);
    expect(four.indent).toBeGreaterThan(two.indent);
    const wide = shape(`<table><tr>${"<td>x</td>".repeat(20)}</tr></table>`);
    expect(wide.indent).toBeLessThan(13.6 - 4);
  });

  it("writes only the parts that are not zero, rounded up to a tenth", () => {
    expect(declare({ fixed: 2.01, prose: 0, lines: 1.2, indent: 0, drawn: 0, ratio: 0.625 })).toBe("--a:2.1;--s:1.2;--r:0.7");
    expect(declare({ fixed: 0, prose: 0, lines: 0, indent: 0, drawn: 0, ratio: 0 })).toBe("");
  });
});

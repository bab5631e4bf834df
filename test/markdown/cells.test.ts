import { describe, expect, it } from "vitest";
import { mdxToJs } from "satteri";
import { cellsPlugin, parseCellMeta } from "../../src/markdown/cells.ts";
import { katexPlugin } from "../../src/markdown/katex.ts";

describe("parseCellMeta(lang, meta)", () => {
  it("returns null for ordinary code blocks", () => {
    expect(parseCellMeta("ts", null)).toBeNull();
    expect(parseCellMeta("ts", "title=x")).toBeNull();
  });
  it("reads id, timeout and silent", () => {
    expect(parseCellMeta("ts", "cell id=train timeout=600 silent")).toEqual({ id: "train", timeoutSeconds: 600, silent: true });
  });
  it("reads fold=\"one-line summary\", with spaces inside the quotes", () => {
    expect(parseCellMeta("ts", 'cell id=helpers fold="plotting helpers: levelMap and descend" silent')).toEqual({
      id: "helpers", silent: true, fold: "plotting helpers: levelMap and descend",
    });
    expect(parseCellMeta("ts", "cell id=a fold=short")).toMatchObject({ fold: "short" });
  });
  it("rejects a fold without a summary, an unterminated quote and a reserved id", () => {
    expect(() => parseCellMeta("ts", "cell id=a fold")).toThrow(/fold needs a one-line summary/);
    expect(() => parseCellMeta("ts", 'cell id=a fold=""')).toThrow(/fold needs a one-line summary/);
    expect(() => parseCellMeta("ts", `cell id=a fold="${"x".repeat(121)}"`)).toThrow(/up to 120 characters/);
    expect(() => parseCellMeta("ts", 'cell id=a fold="open')).toThrow(/unterminated quote/);
    expect(() => parseCellMeta("ts", "cell id=code-hint")).toThrow(/id "code-hint" is reserved/);
  });
  it("rejects bad metadata, naming the bad value", () => {
    expect(() => parseCellMeta("ts", "cell")).toThrow(/needs an id/);
    expect(() => parseCellMeta("ts", "cell id=Bad_Id")).toThrow(/bad id "Bad_Id"/);
    expect(() => parseCellMeta("ts", "cell id=a timeout=-3")).toThrow(/bad timeout "-3"/);
    expect(() => parseCellMeta("ts", "cell id=a colour=red")).toThrow(/unknown key "colour"/);
    expect(() => parseCellMeta("python", "cell id=a")).toThrow(/must be TypeScript.*"python"/);
  });
});

describe("cellsPlugin and katexPlugin in an MDX compile", () => {
  const compile = (src: string) => mdxToJs(src, { features: { math: true }, mdastPlugins: [katexPlugin, cellsPlugin] }).code;

  it("turns a cell block into <Cell> with its code", () => {
    const js = compile("```ts cell id=a\nconst x = 1;\n```\n");
    expect(js).toMatch(/_jsx\(Cell, \{/);
    expect(js).toContain('"const x = 1;"');
  });
  it("passes a fold summary to <Cell>", () => {
    const js = compile('```ts cell id=a fold="drawing helpers"\nconst x = 1;\n```\n');
    expect(js).toContain('fold: "drawing helpers"');
  });
  it("fails the build on duplicate cell ids", () => {
    expect(() => compile("```ts cell id=a\n1\n```\n\n```ts cell id=a\n2\n```\n")).toThrow(/duplicate cell id "a"/);
  });
  it("typesets inline and display math, leaving no math code block", () => {
    const js = compile("Inline $a^2$.\n\n$$\n\\frac{1}{2}\n$$\n");
    expect(js).toContain("katex");
    expect(js).not.toContain("language-math");
  });
  it("fails on TeX that KaTeX cannot parse, quoting it", () => {
    expect(() => compile("$$\n\\frac{1}{\n$$\n")).toThrow(/katex: cannot typeset/);
  });
});

/**
 * KaTeX's MathML as MathML Core draws it (src/markdown/mathml-core.ts,
 * math-variants.ts), through the same `typeset` the chapters use.
 */
import { describe, expect, it } from "vitest";
import { typeset } from "../../src/markdown/katex.ts";
import { styledChar } from "../../src/markdown/math-variants.ts";

const math = (tex: string) => typeset(tex, true).replace(/<annotation[\s\S]*<\/annotation>/, "");

describe("MathML for MathML Core", () => {
  it("writes styled letters as Unicode's, holes included, and leaves the rest", () => {
    expect(math("\\mathbf w")).toContain('<mi mathvariant="normal">𝐰</mi>');
    expect(math("\\mathbb R \\mathbb E")).toContain("ℝ");
    expect(math("\\mathbb E")).toContain("𝔼");
    expect(math("\\mathcal L")).toContain("ℒ");
    expect(math("\\mathsf T")).toContain("𝖳");
    expect(math("\\mathbf 1")).toContain("<mn>𝟏</mn>");
    expect(math("\\boldsymbol \\theta")).toContain("𝜽");
    expect(styledChar("h", "italic")).toBe("ℎ");
    expect(styledChar("(", "bold")).toBe("(");
    expect(math("\\mathbf w")).not.toMatch(/mathvariant="bold/);
  });

  it("puts no space around operators in scripts and limits, and keeps it on the baseline", () => {
    const m = math("\\sum_{i=1}^{n} x_{t+1} = a + b");
    expect(m).toContain('<mi>i</mi><mo lspace="0em" rspace="0em">=</mo>');
    expect(m).toContain('<mi>t</mi><mo lspace="0em" rspace="0em">+</mo>');
    expect(m).toContain("<mo>=</mo><mi>a</mi><mo>+</mo>");
  });

  it("writes a prime after its base, not as a superscript", () => {
    expect(math("f'(x)")).toMatch(/^.*<mrow><mi>f<\/mi><mo[^>]*>′<\/mo><\/mrow>/);
    expect(math("f''")).not.toContain("<msup>");
    expect(math("x^2")).toContain("<msup>");
  });

  it("stretches \\left…\\right only around something taller than a line; \\big is a larger bracket; delimiters unspaced", () => {
    expect(math("\\left( n \\right)")).toContain('<mo fence="true" lspace="0em" rspace="0em" stretchy="false">(</mo>');
    expect(math("\\left( \\frac{a}{b} \\right)")).toContain('<mo fence="true" lspace="0em" rspace="0em">(</mo>');
    expect(math("\\bigl( 1 \\bigr)")).toContain('stretchy="false" lspace="0em" rspace="0em" style="font-size:1.2em">(</mo>');
    expect(math("\\lVert x \\rVert")).toContain('<mo stretchy="false" lspace="0em" rspace="0em">∥</mo>');
    expect(math("a \\mid b")).toContain("<mo>∣</mo>");
  });

  it("aligns table columns as KaTeX asked, keeps accents narrow, draws TeX's italic ∂ and a macron the font has", () => {
    expect(math("\\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}")).toContain('<mtd style="text-align:left">');
    expect(math("\\hat y")).toContain('<mo stretchy="false" lspace="0em" rspace="0em">^</mo>');
    expect(math("\\widehat{xy}")).toContain('<mo stretchy="true"');
    expect(math("\\partial L")).toContain("<mi>𝜕</mi>");
    expect(math("\\bar r")).toContain(">¯</mo>");
  });

  it("puts a thin space after an operator name, but not before a bracket or under limits", () => {
    expect(math("\\log 0")).toContain('<mi>log</mi><mo rspace="0.1667em">\u2061</mo><mn>0</mn>');
    expect(math("\\max(0, z)")).toContain("<mi>max</mi><mo>\u2061</mo>");
    expect(math("\\lim_{h \\to 0} f")).toContain("<mi>lim</mi><mo>\u2061</mo>");
  });

  it("gives an ellipsis no space of its own", () => {
    expect(math("n_1, \\dots, n_L")).toContain('<mo lspace="0em" rspace="0em">…</mo>');
  });

  it("keeps escaped text escaped and the TeX annotation whole", () => {
    const whole = typeset("a < b \\text{ \\& } c", false);
    expect(whole).toContain("<mo>&lt;</mo>");
    expect(whole).toContain("&amp;");
    expect(whole).toMatch(/<annotation encoding="application\/x-tex">a &lt; b &#92;text\{ &#92;&amp; \} c<\/annotation>/);
    expect(whole).not.toContain("katex-html");
  });
});

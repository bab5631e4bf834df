/** Punctuation after an inline formula is glued to it (src/components/math-punctuation.ts). */
import { describe, expect, it } from "vitest";
import { typeset } from "../../src/markdown/katex.ts";
import { breakLongInline } from "../../src/markdown/inline-breaks.ts";
import { gluePunctuation } from "../../src/components/math-punctuation.ts";

const inline = (tex: string) => breakLongInline(typeset(tex, false));

describe("punctuation after inline formulas", () => {
  it("glues the punctuation right after a formula, long or short, in either edition", () => {
    const short = inline("x");
    const long = inline("(XW_1 + b_1)W_2 + b_2 = X(W_1W_2) + (b_1W_2 + b_2)");
    expect(long).toContain("math-pieces");
    const lastPiece = long.match(/<math(?:(?!<math)[\s\S])*<\/math>(?=<\/span><\/span>$)/)![0];
    expect(gluePunctuation(`<p>so ${short}, and ${long}.</p>`)).toBe(
      `<p>so <span class="math-glue">${short},</span> and ${long.replace(lastPiece, `<span class="math-glue">${lastPiece}.</span>`)}</p>`);
    expect(gluePunctuation(`<p>其中 ${short}，以及 ${short}）。</p>`)).toBe(`<p>其中 <span class="math-glue">${short}，</span>以及 <span class="math-glue">${short}）。</span></p>`);
  });

  it("leaves formulas followed by a space or a word, and display formulas, alone", () => {
    const html = `<p>${inline("x")} and ${inline("y")}z</p><div class="math-display">${typeset("x", true)}.</div>`;
    expect(gluePunctuation(html)).toBe(html);
  });
});

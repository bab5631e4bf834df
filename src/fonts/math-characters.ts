/**
 * The characters a page's formulas are drawn with, which the math font
 * (`latin-modern-math.woff2`) must hold: the text of every `<math>` except its
 * TeX annotation, plus the italic each one-letter `<mi>` is drawn in (the
 * browser italicises a single-letter variable by drawing the Mathematical
 * Italic character, U+1D44E for `a`, from the font).
 * Chinese text in a formula (`\text{…}`) is set in the page's own font, so CJK
 * characters are not the math font's to hold.
 */
import { parseDocument } from "htmlparser2";
import { styledChar } from "../markdown/math-variants.ts";
import { elementsOf, textOf } from "../markdown/mathml-tree.ts";

/** Set in the page's Chinese font, not the math font. */
export const isCjk = (c: string): boolean => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c);

/** Every character `html`'s formulas draw from the math font. */
export function mathCharacters(html: string, into = new Set<string>()): Set<string> {
  const doc = parseDocument(html, { decodeEntities: true });
  for (const math of [...elementsOf(doc)].filter((e) => e.name === "math")) {
    for (const c of textOf(math)) if (!/[\n\r\t]/.test(c) && !isCjk(c)) into.add(c); // spaces too: `\,` is a thin space in the font
    for (const mi of [...elementsOf(math)].filter((e) => e.name === "mi" && e.attribs.mathvariant === undefined)) {
      const text = [...textOf(mi).trim()];
      if (text.length === 1) into.add(styledChar(text[0], "italic"));
    }
  }
  return into;
}

/**
 * Punctuation stays on its formula's line.
 *
 * A browser may break a line on either side of a `<math>` element, as around
 * an image, so the comma after `$x$` could start the next line. CSS decides
 * a break between an element and the character after it by `white-space` on
 * their nearest common ancestor: {@link gluePunctuation} wraps each inline
 * formula and the punctuation right after it in a `.math-glue` span that
 * does not wrap (`math.css`). A long formula's pieces (`inline-breaks.ts`)
 * must still wrap among themselves, and Chromium decides the break after the
 * last piece by the pieces' own span, so there the glue holds the last piece
 * and the punctuation inside that span (which assistive technology skips: it
 * reads the whole copy, and loses only the punctuation mark).
 * Runs on a chapter's rendered HTML at build time (`PlaceholderHeights.astro`).
 */

/**
 * An inline formula as `katex.ts` writes it: its MathML (no spans inside), then, for a long one, its pieces.
 * Display formulas are `<math display="block">` inside `.math-display` and are left alone.
 */
const INLINE = /<span class="katex"><math(?![^>]*display="block")(?:(?!<\/math>)[\s\S])*<\/math>(?:<span class="math-pieces"[^>]*>(?:(?!<\/span>)[\s\S])*<\/span>)?<\/span>/;
const PUNCTUATION = /[,.;:!?)\]，。；：！？）」』、]+/;
const GLUED = new RegExp(`(${INLINE.source})(${PUNCTUATION.source})`, "g");

const LAST_PIECE = /(<math(?:(?!<math)[\s\S])*<\/math>)(<\/span><\/span>)$/;

export function gluePunctuation(html: string): string {
  return html.replace(GLUED, (_all, formula: string, marks: string) =>
    formula.includes('class="math-pieces"')
      ? formula.replace(LAST_PIECE, (_m, last: string, close: string) => `<span class="math-glue">${last}${marks}</span>${close}`)
      : `<span class="math-glue">${formula}${marks}</span>`);
}

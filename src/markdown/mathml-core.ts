/**
 * KaTeX's MathML, made to lay out as TeX would in a browser's MathML Core.
 *
 * KaTeX writes MathML for assistive technology beside its own HTML drawing;
 * the course shows the MathML itself (`katex.ts`). MathML Core differs from
 * TeX in a few places KaTeX's output leaves to the renderer, each fixed here on
 * the element it concerns:
 * - `mathvariant="bold"` and the like are ignored: the text becomes Unicode's
 *   styled letters (`math-variants.ts`).
 * - An operator's spacing does not shrink in scripts: TeX puts no space around
 *   `=` in `\sum_{i=1}` or `−` in `n_{l-1}`. Operators in a script get
 *   `lspace`/`rspace` 0 unless KaTeX set them.
 * - A `\bigl(` is an `<mo fence>` in the middle of its row, which MathML
 *   spaces as an infix operator (a thick space each side). TeX gives opening
 *   and closing delimiters no space: fences get 0, and so do the delimiters
 *   KaTeX marks `stretchy="false"` (`\lVert` is U+2225, which MathML would
 *   space as the relation "parallel to").
 * - A stretchy bracket is drawn with a gap of about a fifth of an em on each
 *   side in Chromium (whatever its size, in any math font), so `\left( n \right)`
 *   read `( n )`. A `\left…\right` pair stretches only around something
 *   taller than a line (a fraction, a big operator's limits, a root, a
 *   table); around a line of text it is an ordinary bracket, as in TeX. A
 *   `\bigl(` is an ordinary bracket at KaTeX's size for it (`minsize`, 1.2em
 *   for `\big`).
 * - A table's `columnalign` (the left-aligned columns of `cases`) is not in
 *   MathML Core: each cell gets the alignment as CSS.
 * - An accent (`\hat y`) that KaTeX does not mark stretchy stays its own
 *   width; MathML Core would stretch `^` across the base as `\widehat` does.
 *   `\bar`'s U+02C9 (a spacing letter math fonts lack) becomes the macron, U+00AF.
 * - `∂` is drawn upright (KaTeX marks it `mathvariant="normal"`); TeX's is
 *   the italic one, U+1D715.
 * - An ellipsis (`\dots`, `\cdots`) is an `<mo>` that MathML spaces as an
 *   operator, so `n_1, \dots, n_L` read `n₁,  …  ,`; TeX sets it as an
 *   ordinary symbol between the commas' own spaces: no space of its own.
 * - `\log 0` read "log0": the invisible function application (U+2061) after
 *   an operator name is unspaced in MathML; TeX puts a thin space between
 *   an operator and what it applies to, unless that starts with a bracket
 *   (`\max(0, z)`) or the name carries limits (`\lim_{h \to 0}`).
 * - `σ'` is a superscript prime, drawn as a tiny raised glyph (the font's
 *   script-size prime is an OpenType feature browsers do not apply); Unicode
 *   math fonts draw U+2032 itself already raised and sized for the base, so the
 *   prime follows its base in a row instead.
 */
import { foldMathVariants } from "./math-variants.ts";
import { isElement, kids, parseMathml, renderMathml, textOf as text, type Element } from "./mathml-tree.ts";

const SCRIPTED = new Set(["msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts"]);
const PRIMES = /^[′″‴⁗]+$/u;


function zeroSpacing(mo: Element): void {
  mo.attribs.lspace ??= "0em";
  mo.attribs.rspace ??= "0em";
}

/** Elements that make a row taller than a line of text, so that its `\left…\right` brackets must stretch. */
const TALL = new Set(["mfrac", "munder", "mover", "munderover", "msqrt", "mroot", "mtable"]);
const hasTall = (e: Element): boolean => kids(e).some((k) => TALL.has(k.name) || hasTall(k));

function fence(mo: Element, row: Element | null): void {
  const { minsize } = mo.attribs;
  if (minsize) {
    delete mo.attribs.minsize;
    delete mo.attribs.maxsize;
    mo.attribs.stretchy = "false";
    mo.attribs.style = `font-size:${minsize}`;
  } else if (!row || !hasTall(row)) {
    mo.attribs.stretchy = "false";
  }
}

const OPENING = /^[([{⟨⌈⌊|‖∥∣]/u;
function fix(el: Element, inScript: boolean, parent: Element | null = null): void {
  if (el.name === "mo" && /^[…⋯⋮⋱]$/u.test(text(el))) zeroSpacing(el);
  if (el.name === "mo" && text(el) === "\u2061") {
    // Its next sibling only: after `\lim` it ends the base of the limits, where a space would push them off centre.
    const next = parent ? kids(parent)[kids(parent).indexOf(el) + 1] : undefined;
    if (next && !(next.name === "mo" && OPENING.test(text(next)))) el.attribs.rspace = "0.1667em";
  }
  if (el.name === "mo" && (inScript || el.attribs.fence === "true" || el.attribs.stretchy === "false")) zeroSpacing(el);
  if (el.name === "mo" && el.attribs.fence === "true") fence(el, parent);
  if (el.name === "msup") {
    const [base, sup] = kids(el);
    const primes = sup?.name === "mo" ? [sup] : sup?.name === "mrow" ? kids(sup) : [];
    if (base && primes.length > 0 && primes.every((p) => p.name === "mo" && PRIMES.test(text(p).trim()))) {
      el.name = "mrow";
      primes.forEach(zeroSpacing);
    }
  }
  if (el.name === "mtable" && el.attribs.columnalign) {
    const align = el.attribs.columnalign.split(/\s+/);
    for (const row of kids(el)) kids(row).forEach((cell, i) => { cell.attribs.style = `text-align:${align[Math.min(i, align.length - 1)]}`; });
  }
  if (el.name === "mover" && el.attribs.accent === "true") {
    const accent = kids(el)[1];
    if (accent?.name === "mo") {
      accent.attribs.stretchy ??= "false";
      for (const t of accent.children) if (t.type === "text") t.data = t.data.replace(/\u02c9/g, "\u00af");
    }
  }
  if (el.name === "mi" && el.attribs.mathvariant === "normal" && text(el) === "∂") {
    delete el.attribs.mathvariant;
    for (const t of el.children) if (t.type === "text") t.data = "\u{1d715}";
  }
  const scripted = SCRIPTED.has(el.name);
  kids(el).forEach((child, i) => fix(child, inScript || (scripted && i > 0), el));
}

/** KaTeX's MathML for one formula (with its `<span class="katex">` wrapper), as MathML Core should draw it. */
export function forMathmlCore(katexMathml: string): string {
  const doc = parseMathml(foldMathVariants(katexMathml));
  for (const node of kids(doc)) fix(node, false);
  return renderMathml(doc);
}

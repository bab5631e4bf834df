/**
 * Line breaks in long inline formulas.
 *
 * A browser never breaks a line inside a `<math>` element, so on a phone an
 * inline formula as long as `(XW_1 + b_1)W_2 + b_2 = X(W_1W_2) + (b_1W_2 + b_2)`
 * ran past the column. TeX breaks an inline formula after a relation or a
 * binary operator of its outer row, and so did KaTeX's HTML. Here a formula
 * longer than {@link LONG_EM} is drawn as several `<math>` pieces, one per such
 * break, between which the line may wrap; each piece's last operator keeps
 * its infix spacing (`form="infix"`). The pieces are hidden from assistive
 * technology, which reads the whole formula from a visually hidden copy.
 */
import { kids, parseMathml, renderMathml, textOf, type Element } from "./mathml-tree.ts";
import { MATH_CHAR_EM, MATH_SCALE } from "./math-metrics.ts";

/** Relations and binary operators TeX may break after. */
const BREAK_AFTER = new Set([..."=≈≠≤≥<>≪≫∈∉⊂⊆→←↦⟹⇒⇔∼≃≅≡≲≳∝+−±∓·⋅×⊙⊗∘∪∩∖"]);

/** A closing bracket: an operator after it is binary (`(a)+b`), not a sign. */
const CLOSING = /^[)\]}⟩|‖∥⌉⌋]$/u;

/** Width, in ems of the text, above which an inline formula gets break points (a phone's column is ~20 em). */
export const LONG_EM = 14;

/** A rough width, in ems of the text (`math-metrics.ts`). */
const widthEm = (row: Element): number => [...textOf(row)].length * MATH_CHAR_EM * MATH_SCALE;

/** One inline formula (`<span class="katex"><math>…</math></span>`), with break points if it is long. */
export function breakLongInline(html: string): string {
  const doc = parseMathml(html);
  const span = kids(doc)[0];
  const math = span && kids(span)[0];
  const semantics = math && kids(math)[0];
  const [row, annotation] = semantics ? kids(semantics) : [];
  if (!row || row.name !== "mrow" || !annotation || widthEm(row) <= LONG_EM) return html;
  const pieces: Element[][] = [[]];
  const tokens = kids(row);
  tokens.forEach((token, i) => {
    pieces.at(-1)!.push(token);
    const breaks = token.name === "mo" && BREAK_AFTER.has(textOf(token).trim()) && i > 0 && i < tokens.length - 1
      && !(tokens[i - 1].name === "mo" && !CLOSING.test(textOf(tokens[i - 1]))); // not a unary sign after another operator
    if (breaks) pieces.push([]);
  });
  if (pieces.length < 2) return html;
  const xmlns = math.attribs.xmlns ? ` xmlns="${math.attribs.xmlns}"` : "";
  const drawn = pieces.map((piece) => {
    const last = piece.at(-1)!;
    if (last.name === "mo" && last !== tokens.at(-1)) last.attribs.form = "infix";
    return `<math${xmlns}><mrow>${renderMathml(piece)}</mrow></math>`;
  });
  math.attribs.class = "visually-hidden";
  const whole = renderMathml(math);
  return `<span class="katex">${whole}<span class="math-pieces" aria-hidden="true">${drawn.join("")}</span></span>`;
}

/**
 * `mathvariant` as characters.
 *
 * KaTeX's MathML says `\mathbf w` as `<mi mathvariant="bold">w</mi>`. Browsers
 * implement MathML Core, which keeps `mathvariant` only for "normal": the
 * attribute is ignored and the `w` would be drawn italic, like any other
 * variable. Unicode has these styles as characters of their own
 * (Mathematical Alphanumeric Symbols, U+1D400–U+1D7FF, with a few older
 * letters such as ℝ and ℒ elsewhere), which is what MathML Core asks authors
 * to write. {@link foldMathVariants} rewrites each styled token to them.
 */

type Style = "bold" | "italic" | "bold-italic" | "script" | "bold-script" | "fraktur" | "double-struck" | "bold-fraktur"
  | "sans-serif" | "bold-sans-serif" | "sans-serif-italic" | "sans-serif-bold-italic" | "monospace";

/** First code point of each style's A–Z a–z run (52 letters). */
const LATIN: Record<Style, number> = {
  bold: 0x1d400, italic: 0x1d434, "bold-italic": 0x1d468, script: 0x1d49c, "bold-script": 0x1d4d0, fraktur: 0x1d504,
  "double-struck": 0x1d538, "bold-fraktur": 0x1d56c, "sans-serif": 0x1d5a0, "bold-sans-serif": 0x1d5d4,
  "sans-serif-italic": 0x1d608, "sans-serif-bold-italic": 0x1d63c, monospace: 0x1d670,
};

/** Letters that were in Unicode before the block: the block leaves their places empty. */
const HOLES: Partial<Record<Style, Record<string, number>>> = {
  italic: { h: 0x210e },
  script: { B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 },
  fraktur: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 },
  "double-struck": { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
};

/** First code point of each style's Greek run (58 characters, in {@link GREEK}'s order). */
const GREEK_START: Partial<Record<Style, number>> = {
  bold: 0x1d6a8, italic: 0x1d6e2, "bold-italic": 0x1d71c, "bold-sans-serif": 0x1d756, "sans-serif-bold-italic": 0x1d790,
};
const GREEK = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ";

const DIGIT_START: Partial<Record<Style, number>> = {
  bold: 0x1d7ce, "double-struck": 0x1d7d8, "sans-serif": 0x1d7e2, "bold-sans-serif": 0x1d7ec, monospace: 0x1d7f6,
};

/** MathML's names that differ from the table's. */
const ALIAS: Record<string, Style> = { "sans-serif-bold": "bold-sans-serif" } as const;

function isStyle(v: string): v is Style {
  return Object.hasOwn(LATIN, v);
}

/** `c` in `style`, or `c` itself where Unicode has no such character (punctuation, CJK, …). */
export function styledChar(c: string, style: Style): string {
  const hole = HOLES[style]?.[c];
  if (hole !== undefined) return String.fromCodePoint(hole);
  const cp = c.codePointAt(0)!;
  if (c >= "A" && c <= "Z") return String.fromCodePoint(LATIN[style] + cp - 0x41);
  if (c >= "a" && c <= "z") return String.fromCodePoint(LATIN[style] + 26 + cp - 0x61);
  if (c >= "0" && c <= "9" && DIGIT_START[style] !== undefined) return String.fromCodePoint(DIGIT_START[style] + cp - 0x30);
  const g = GREEK.indexOf(c);
  if (g !== -1 && GREEK_START[style] !== undefined) return String.fromCodePoint(GREEK_START[style] + g);
  return c;
}

const TOKEN = /<(mi|mn|mo|mtext)((?:\s[^>]*?)?)\smathvariant="([a-z-]+)"([^>]*)>([^<]*)<\/\1>/g;

/**
 * Every `<mi|mn|mo|mtext mathvariant="…">text</…>` other than "normal" becomes
 * the same token with its text in that style's characters and no `mathvariant`.
 * An `<mi>` keeps `mathvariant="normal"` so that a one-letter result is not
 * italicised again. Text is KaTeX's escaped output; `&…;` references are left whole.
 */
export function foldMathVariants(mathml: string): string {
  return mathml.replace(TOKEN, (whole, tag: string, before: string, variant: string, after: string, text: string) => {
    const style = ALIAS[variant] ?? variant;
    if (variant === "normal" || !isStyle(style)) return whole;
    const styled = text.replace(/&[^;]*;|[\s\S]/gu, (c) => (c.length > 1 && c.startsWith("&") ? c : styledChar(c, style)));
    const keep = tag === "mi" ? ' mathvariant="normal"' : "";
    return `<${tag}${before}${keep}${after}>${styled}</${tag}>`;
  });
}

/**
 * Typesets `$…$` and `$$…$$` with KaTeX at build time.
 *
 * Astro 7's Markdown engine (Sätteri) parses math but does not render it: left
 * alone, display math reaches the page as a `language-math` code block. This
 * mdast plugin replaces each math node with KaTeX's MathML before the
 * tree becomes HTML, so no `$$` and no math code block survive. A formula
 * KaTeX cannot parse fails the build with the formula in the message.
 *
 * MathML only, not KaTeX's HTML copy beside it: the browser lays MathML out
 * itself (MathML Core) in the course's math font (`math-font.css`), and
 * screen readers read it. KaTeX's HTML drew the same formula a second time
 * out of nested spans, 40–60 % of a formula-heavy page's elements, all of
 * them parsed, styled and laid out at every load.
 */
import katex from "katex";
import { defineMdastPlugin } from "satteri";
import { forMathmlCore } from "./mathml-core.ts";
import { breakLongInline } from "./inline-breaks.ts";

/**
 * The raw HTML a plugin returns is read again as Markdown, so the TeX source
 * KaTeX keeps in its MathML `<annotation>` (what screen readers and copy-paste
 * get) would lose its backslash escapes (`\,` → `,`) and turn `_i … _j` into
 * emphasis. Markdown's special characters in it become character references.
 */
function protectAnnotation(html: string): string {
  return html.replace(/(<annotation encoding="application\/x-tex">)([\s\S]*?)(<\/annotation>)/g, (_m, open: string, tex: string, close: string) =>
    open + tex.replace(/[\\`*_[\]~|!$]/g, (c) => `&#${c.charCodeAt(0)};`) + close);
}

/** KaTeX's MathML for one formula, as the chapters show it; a formula KaTeX cannot parse is an error naming it. */
export function typeset(tex: string, displayMode: boolean, file?: string): string {
  try {
    return protectAnnotation(forMathmlCore(katex.renderToString(tex, { displayMode, throwOnError: true, output: "mathml", strict: "error" })));
  } catch (err) {
    const where = file ? ` in ${file}` : "";
    throw new Error(`katex: cannot typeset ${JSON.stringify(tex)}${where}: ${(err as Error).message}`);
  }
}

/** The mdast plugin; add it to Sätteri's `mdastPlugins` with `features.math` on. */
export const katexPlugin = defineMdastPlugin({
  name: "course-katex",
  math(node, ctx) {
    // `raw` with mdxExpressions off: KaTeX's braces must not be read as MDX expressions.
    return { raw: `<div class="math-display">${typeset(node.value, true, ctx.fileURL?.toString())}</div>`, mdxExpressions: false };
  },
  inlineMath(node, ctx) {
    return { raw: breakLongInline(typeset(node.value, false, ctx.fileURL?.toString())), mdxExpressions: false };
  },
});

/**
 * The table of contents' entries (ChapterPage.astro) from a chapter's headings.
 *
 * Astro's heading list gives each heading's text as the concatenated text of
 * everything inside it. For a heading with inline math that is KaTeX's three
 * copies of the formula in a row — MathML, the TeX source and the HTML
 * rendering — so "What $\partial L/\partial w$ means" would read "What
 * ∂L/∂w\partial L/\partial w∂L/∂w means". Such an entry is rebuilt from the
 * heading's Markdown source instead: its words as text and each formula
 * typeset once by KaTeX, exactly as the heading shows it. Headings without
 * math keep Astro's text.
 */
import { typeset } from "../markdown/katex.ts";

export interface Heading { depth: number; slug: string; text: string }
export interface TocEntry extends Heading {
  /** Set for a heading with inline math: the entry's HTML (text escaped, formulas from KaTeX at build time). */
  html?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The ATX headings (`## …`) of a Markdown/MDX body in document order, outside fenced code, each with its inline source. */
export function sourceHeadings(body: string): { depth: number; source: string }[] {
  const found: { depth: number; source: string }[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) fence = null;
      continue;
    }
    if (opener) { fence = opener[1]; continue; }
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h) found.push({ depth: h[1].length, source: h[2].replace(/[ \t]*\{#[^}]*\}$/, "") });
  }
  return found;
}

/** A heading's inline source as HTML: `$…$` typeset by KaTeX, `` `code` `` as code, emphasis marks dropped, the rest escaped. */
export function headingHtml(source: string): string {
  let html = "";
  const token = /\\([\\`*_$[\]{}#])|\$([^$]+)\$|`([^`]+)`|(\*\*|__|\*|_)|([^\\$`*_]+|[\\$`*_])/g;
  for (const m of source.matchAll(token)) {
    if (m[1] !== undefined) html += escapeHtml(m[1]);
    else if (m[2] !== undefined) html += typeset(m[2], false);
    else if (m[3] !== undefined) html += `<code>${escapeHtml(m[3])}</code>`;
    else if (m[4] !== undefined) continue;
    else html += escapeHtml(m[5]);
  }
  return html;
}

/**
 * The entries for headings of `depths`. Rendered headings and source headings
 * are paired in document order; where they do not pair up one for one (a
 * heading written as HTML or made by a component), every entry keeps Astro's
 * text rather than risk labelling one section with another's title.
 */
export function tocEntries(headings: Heading[], body: string, depths: number[] = [2, 3]): TocEntry[] {
  const sources = sourceHeadings(body);
  const paired = sources.length === headings.length && sources.every((s, i) => s.depth === headings[i].depth);
  return headings.flatMap((h, i) => {
    if (!depths.includes(h.depth)) return [];
    const source = paired ? sources[i].source : undefined;
    return [source && /\$[^$]+\$/.test(source.replace(/\\\$/g, "")) ? { ...h, html: headingHtml(source) } : h];
  });
}

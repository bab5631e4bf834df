/**
 * A chapter's blocks below its first section skip rendering while they are
 * off screen (`content-visibility: auto`, Base.astro): on a phone, styling and
 * laying out thousands of formula and code elements nobody sees yet was most
 * of a page's load. A skipped block stands at a placeholder height until it
 * is drawn ("auto" then keeps its real height).
 *
 * A placeholder shorter than its block is a problem: whoever asks for a
 * position inside the block (an anchor's target, a checker's overlap test)
 * gets the block's content laid out from the block's top, spilling over the
 * blocks below it. So each skipped block gets an estimate of its height from
 * what it holds — characters of prose at the column's width, lines of code,
 * a formula's strut height, a figure's aspect ratio — rounded up: a
 * placeholder a little too tall only makes the scrollbar a little long until
 * the block is drawn. test/e2e/skipped-blocks.test.ts keeps every estimate at
 * least as tall as its block on the longest pages of both editions, at phone
 * and desktop widths.
 *
 * Nothing here reads layout: the estimate starts from a ResizeObserver on the
 * column, which reports its width after the browser's own layout, and on
 * every later width change, and runs in idle slices. Reading positions at load
 * would lay out the whole chapter in one long task, which is what skipping avoids.
 */

/** Room left for what a prose estimate cannot see (wrapping at word ends, a tall inline formula). */
const PROSE_MARGIN = 1.2;
/** Parts of a block that are drawn but hold nothing countable: a folded cell's code, a closed details' body. */
const FOLDED = "details:not([open]) > :not(summary)";

/** The column's metrics, in px. */
interface Column { width: number; font: number; line: number }

/**
 * Gives every skippable block of the chapter a placeholder no shorter than its content, once the page is idle
 * after its first layout and again when the column's width changes: a few milliseconds at a time, so the
 * estimate never becomes a long task of its own on a phone. Until then a block keeps the stylesheet's guess;
 * it is off screen, so nothing a reader sees moves when the estimate arrives.
 */
export function estimatePlaceholders(): void {
  const main = document.querySelector<HTMLElement>("main.chapter");
  if (!main || typeof ResizeObserver !== "function") return;
  let width = -1;
  let pass = 0;
  new ResizeObserver(([entry]) => {
    const w = Math.round(entry.contentRect.width);
    if (w === width || w === 0) return;
    width = w;
    const style = getComputedStyle(main);
    const font = parseFloat(style.fontSize);
    const column: Column = { width: w, font, line: parseFloat(style.lineHeight) || font * 1.65 };
    const blocks = [...main.children] as HTMLElement[];
    const current = ++pass;
    let next = 0;
    const slice = (): void => {
      if (current !== pass) return; // the width changed again: a newer pass takes over
      const start = performance.now();
      const sized: Array<[HTMLElement, number]> = [];
      // Reads first, then writes: a write between two style reads would restyle the page again for the second.
      while (next < blocks.length && performance.now() - start < SLICE_MS) {
        const block = blocks[next++];
        if (getComputedStyle(block).contentVisibility === "auto") sized.push([block, Math.ceil(blockHeight(block, column))]);
      }
      for (const [block, px] of sized) block.style.containIntrinsicBlockSize = `auto ${px}px`;
      if (next < blocks.length) idle(slice);
    };
    idle(slice);
  }).observe(main);
}

/** Milliseconds of estimating per slice: a phone four times slower still stays well under a 50 ms long task. */
const SLICE_MS = 8;

function idle(fn: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 16);
}

/** Estimated height of one block's content, never less than it (margins of what it holds included). */
function blockHeight(el: Element, c: Column): number {
  if (el.matches(".math-display")) return formulaHeight(el, c);
  if (el.tagName === "PRE") return codeHeight(el, c);
  if (el.tagName === "FIGURE") return figureHeight(el, c);
  if (el.tagName === "TABLE") return tableHeight(el, c);
  // A container: its own prose, plus the blocks it holds, plus each cell's or exercise's frame (toolbar, borders, padding).
  let nested = 0;
  for (const inner of el.querySelectorAll(".math-display, pre, figure, table")) {
    if (inner.parentElement?.closest(".math-display, pre, figure, table") || inner.closest(FOLDED)) continue;
    nested += blockHeight(inner, c);
  }
  for (const canvas of el.querySelectorAll("canvas")) nested += canvas.height * Math.min(1, c.width / Math.max(1, canvas.width));
  const frames = (el.tagName === "SECTION" || el.tagName === "ASIDE" ? 1 : 0) + el.querySelectorAll("section, fieldset").length;
  return proseHeight(el, c) + nested + frames * 3 * c.font;
}

/** What prose counting leaves out: a formula's MathML copy, blocks estimated on their own, drawn charts, toolbars, folded parts. */
const NOT_PROSE = `.katex-mathml, .math-display, pre, figure, table, svg, .cell-toolbar, ${FOLDED}`;

/**
 * Prose at the column's width: characters (CJK ones a full em wide) become lines; each paragraph or list item
 * starts one. The text is the block's whole text less that of the parts prose leaves out (native calls only:
 * walking a chapter's nodes in script took a phone-sized share of the page's load).
 */
function proseHeight(el: Element, c: Column): number {
  const text = el.textContent ?? "";
  let cut = 0;
  for (const part of el.querySelectorAll(NOT_PROSE)) {
    const outer = part.parentElement?.closest(NOT_PROSE);
    if (outer && outer !== el && el.contains(outer)) continue; // inside a part already cut
    cut += part.textContent?.length ?? 0;
  }
  // CJK characters anywhere (a cut part's too: counted a full em here and left out of the rest, it only adds room).
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x2e80 && (code <= 0x9fff || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef))) wide++;
  }
  const latin = Math.max(0, text.length - cut - wide);
  const fractions = el.querySelectorAll(".mfrac:not(.math-display .mfrac)").length;
  const starts = Math.max(1, el.querySelectorAll("li, p, summary").length);
  // Lists and quotes are indented.
  const width = el.matches("ul, ol, blockquote") ? c.width - 2.5 * c.font : c.width;
  const lines = (latin * 0.55 * c.font + wide * c.font) / width + starts * 0.5 + 0.5;
  return (lines * c.line + fractions * 0.8 * c.font) * PROSE_MARGIN;
}

/** KaTeX sets each row's strut to the formula's height (in em, at 1.21 of the text); plus the display's margins and a scrollbar. */
function formulaHeight(el: Element, c: Column): number {
  let em = 1.2;
  for (const strut of el.querySelectorAll(".katex-strut")) {
    const h = /height:\s*([\d.]+)em/.exec(strut.getAttribute("style") ?? "");
    if (h) em = Math.max(em, parseFloat(h[1]));
  }
  return (em * 1.21 + 2.6) * c.font;
}

/** A cell's code is set smaller and tighter than a chapter's code block, which keeps the prose's line height. */
function codeHeight(el: Element, c: Column): number {
  const lines = (el.textContent ?? "").split("\n").length;
  const line = el.closest(".cell") ? 1.35 * c.font : 1.1 * c.line;
  return lines * line + 1.5 * c.font;
}

/** A figure's chart is drawn at its viewBox's size, or narrower to fit the column (the taller of a wide and a narrow variant); its legend and caption are prose. */
function figureHeight(el: Element, c: Column): number {
  let drawn = 0;
  for (const svg of el.querySelectorAll(".plot-frame svg, svg[class^='plot-']")) {
    const box = svg.getAttribute("viewBox")?.split(/[\s,]+/).map(Number);
    // A diagram keeps its size and scrolls sideways (site.css); a chart shrinks to the column.
    const fits = !svg.closest(".plot-diagram");
    if (box && box[2] > 0) drawn = Math.max(drawn, fits ? Math.min(box[3], (c.width * box[3]) / box[2]) : box[3] + c.font);
  }
  return (drawn || 20 * c.font) + proseHeight(el, c) + 3 * c.font;
}

/** Each row as tall as its longest cell's prose in an equal share of the column (columns are rarely equal: a wide margin). */
function tableHeight(el: Element, c: Column): number {
  let height = 2 * c.font;
  for (const row of el.querySelectorAll("tr")) {
    const share = { ...c, width: Math.max(4 * c.font, c.width / Math.max(1, row.children.length)) };
    let tallest = 0;
    for (const cell of row.children) tallest = Math.max(tallest, proseHeight(cell, share));
    height += tallest;
  }
  return height * 1.25;
}

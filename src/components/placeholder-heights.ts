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
 * blocks below it. So each block's height is estimated from what it holds,
 * rounded up: a placeholder a little too tall only makes the scrollbar a
 * little long until the block is drawn.
 *
 * The estimate is made here, at build time, from the block's HTML, and written
 * on the block as a few numbers (`--a`, `--p`, …, see {@link Shape}). Base.astro
 * turns them into a height for the column's width with one `calc()`: prose
 * wraps to more lines in a narrow column, a chart shrinks with it, a formula
 * or a code listing does not. The page does no work for it at all: estimating
 * in the page took a phone hundreds of milliseconds of a long chapter's load,
 * and the blocks stood at a blind guess until then.
 * test/e2e/skipped-blocks.test.ts keeps every estimate at least as tall as its
 * block on the longest pages of both editions, at phone and desktop widths.
 */
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { MATH_SCALE } from "../markdown/math-metrics.ts";

/**
 * What a block's height is made of. Lengths are in ems of the column's text; Base.astro's
 * height is `a em + min(d em, r × column) + (p ÷ (column − i) + s) lines`, the column in ems.
 */
export interface Shape {
  /** a: height that does not depend on the column's width (formulas, code, frames, margins). */
  fixed: number;
  /** p: prose, as the width it would take on one line; it wraps into p ÷ (column − i) lines. */
  prose: number;
  /** s: lines prose takes at any width (each paragraph's last line and its margins). */
  lines: number;
  /** i: the prose's indent (a list's or a quote's). */
  indent: number;
  /** d: the tallest the block's charts and pads get; they shrink to the column's width… */
  drawn: number;
  /** r: …at this height per unit of width. */
  ratio: number;
}

/** The custom property each part of a shape is written to (Base.astro reads them). */
const PROPERTY: Record<keyof Shape, string> = { fixed: "--a", prose: "--p", lines: "--s", indent: "--i", drawn: "--d", ratio: "--r" };

/** The column's text: 17 px on 1.65 lines (site.css `body`); charts and canvases are sized in px. */
const FONT_PX = 17;
const LINE_EM = 1.65;
/** Room left for what counting characters cannot see (wrapping at word ends, a tall inline formula). */
const PROSE_MARGIN = 1.2;
/** An average Latin character's width, in em (CJK ones are a full em). */
const LATIN_EM = 0.55;

/**
 * The chapter's HTML with each top-level block's estimate written on its start tag as custom properties; every
 * other byte is left as it was. Headings get none: they are never skipped (they are link targets).
 */
export function withPlaceholderHeights(html: string): string {
  const doc = parseDocument(html, { withStartIndices: true });
  const edits: Array<[number, string]> = [];
  for (const node of doc.children) {
    if (!isElement(node) || /^h[1-6]$/.test(node.name) || node.startIndex === null) continue;
    const declarations = declare(shapeOf(node));
    if (declarations) edits.push([node.startIndex, declarations]);
  }
  let out = html;
  for (const [start, declarations] of edits.reverse()) out = addStyle(out, start, declarations);
  return out;
}

/** `--a:3.2;--p:140.5` for the parts that are not zero, each rounded up to a tenth (an estimate errs tall). */
export function declare(shape: Shape): string {
  return (Object.keys(PROPERTY) as Array<keyof Shape>)
    .filter((k) => shape[k] > 0)
    .map((k) => `${PROPERTY[k]}:${Math.ceil(shape[k] * 10 - 1e-9) / 10}`)
    .join(";");
}

/** Adds declarations to the style of the start tag at `start` (appended to a style it already has). */
function addStyle(html: string, start: number, declarations: string): string {
  const end = startTagEnd(html, start);
  const tag = html.slice(start, end);
  const style = /\sstyle="([^"]*)"/.exec(tag);
  if (style) {
    const at = start + style.index + style[0].length - 1;
    const sep = style[1].trim() === "" || style[1].trimEnd().endsWith(";") ? "" : ";";
    return html.slice(0, at) + sep + declarations + html.slice(at);
  }
  const at = html[end - 1] === "/" ? end - 1 : end;
  return `${html.slice(0, at)} style="${declarations}"${html.slice(at)}`;
}

/** Index of the `>` closing the start tag at `start` (one inside a quoted attribute value does not count). */
function startTagEnd(html: string, start: number): number {
  let quote = "";
  for (let i = start + 1; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  throw new Error(`unterminated start tag at ${start}: ${html.slice(start, start + 80)}`);
}

const zero = (): Shape => ({ fixed: 0, prose: 0, lines: 0, indent: 0, drawn: 0, ratio: 0 });

/** Adds `b` (scaled) into `a`. Two drawn parts add up as one that is as tall as both and shrinks as fast as both. */
function add(a: Shape, b: Shape, scale = 1): void {
  a.fixed += b.fixed * scale;
  a.prose += b.prose * scale;
  a.lines += b.lines * scale;
  a.drawn += b.drawn * scale;
  a.ratio += b.ratio * scale;
  a.indent = Math.max(a.indent, b.indent);
}

/** The estimate of one block, never less than it (margins of what it holds included). */
export function shapeOf(el: Element): Shape {
  if (hasClass(el, "math-display")) return formula(el);
  if (el.name === "pre") return code(el);
  if (el.name === "figure") return figure(el);
  if (el.name === "table") return table(el);
  // A container: its own prose, plus the blocks it holds, plus each cell's or exercise's frame (toolbar, borders, padding).
  const shape = prose(el);
  for (const inner of descendants(el, (e) => isBlock(e) || isFolded(e))) {
    if (isBlock(inner) && !isFolded(inner)) add(shape, shapeOf(inner));
  }
  const all = descendants(el);
  for (const canvas of all.filter((e) => e.name === "canvas")) {
    const width = Number(canvas.attribs.width ?? 300);
    const height = Number(canvas.attribs.height ?? 150);
    add(shape, { ...zero(), drawn: height / FONT_PX, ratio: height / Math.max(1, width) });
  }
  const frames = (el.name === "section" || el.name === "aside" ? 1 : 0) + all.filter((e) => e.name === "section" || e.name === "fieldset").length;
  shape.fixed += frames * 3;
  return shape;
}

/** Blocks estimated on their own wherever they are. */
const isBlock = (e: Element): boolean => hasClass(e, "math-display") || e.name === "pre" || e.name === "figure" || e.name === "table";
/** Drawn but holding nothing countable: a folded cell's code, a closed details' body. */
const isFolded = (e: Element): boolean => e.parent !== null && isElement(e.parent) && e.parent.name === "details" && !("open" in e.parent.attribs) && e.name !== "summary";
/** Not shown at all: a cell's source kept for the editor, scripts, styles. */
const isHidden = (e: Element): boolean => e.name === "template" || e.type !== "tag";
/** What prose counting leaves out: what is not shown, a formula's TeX annotation, blocks estimated on their own, drawn charts, toolbars, folded parts. */
const notProse = (e: Element): boolean => isHidden(e) || e.name === "annotation" || isBlock(e) || e.name === "svg" || hasClass(e, "cell-toolbar") || isFolded(e);

/**
 * Prose: characters (CJK ones a full em wide) wrap into lines at the column's width; each paragraph or list
 * item starts one, and an inline fraction is taller than a line.
 */
function prose(el: Element): Shape {
  let latin = 0;
  let wide = 0;
  const count = (node: ChildNode): void => {
    if (node.type === "text") {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x2e80 && (code <= 0x9fff || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef))) wide++;
        else latin++;
      }
    } else if (isElement(node) && !notProse(node)) node.children.forEach(count);
  };
  el.children.forEach(count);
  const all = descendants(el);
  const starts = Math.max(1, all.filter((e) => e.name === "li" || e.name === "p" || e.name === "summary").length);
  const fractions = descendants(el, (e) => hasClass(e, "math-display") || e.name === "mfrac").filter((e) => e.name === "mfrac").length;
  return {
    ...zero(),
    prose: (latin * LATIN_EM + wide) * PROSE_MARGIN,
    lines: (starts * 0.5 + 0.5) * PROSE_MARGIN,
    fixed: fractions * 0.8 * PROSE_MARGIN,
    indent: el.name === "ul" || el.name === "ol" || el.name === "blockquote" ? 2.5 : 0,
  };
}

/** Children that are elements, the TeX annotation left out. */
const parts = (e: Element): Element[] => e.children.filter(isElement).filter((c) => c.name !== "annotation");
/** Where a row's height is the tallest of its parts: rows, styles, the wrappers. */
const tallest = (es: Element[], scale: number, nested: boolean): number => Math.max(0, ...es.map((c) => mathHeight(c, scale, nested)));

/**
 * A MathML formula's height in ems of its own text, rounded up from its structure: a token is a line, a
 * fraction stacks its parts (smaller inside another), scripts and limits add their own smaller lines, a
 * table stacks its rows. `scale` is the script size (0.71 per level, as MathML Core).
 */
export function mathHeight(e: Element, scale = 1, nested = false): number {
  const [base, ...scripts] = parts(e);
  switch (e.name) {
    case "mi": case "mn": case "mo": case "mtext": case "ms": case "mspace": {
      const size = /font-size:\s*([\d.]+)em/.exec(e.attribs.style ?? "");
      return scale * (size ? parseFloat(size[1]) : 1);
    }
    case "mfrac": {
      const s = nested ? scale * 0.71 : scale;
      return parts(e).reduce((h, c) => h + mathHeight(c, s, true), 0.3 * scale);
    }
    case "msub": case "msup": case "msubsup": case "mmultiscripts":
      return (base ? mathHeight(base, scale, nested) : 0) + 0.45 * scale * scripts.length;
    case "munder": case "mover": case "munderover":
      return (base ? mathHeight(base, scale, nested) : 0) + scripts.reduce((h, c) => h + mathHeight(c, scale * 0.71, true) + 0.1 * scale, 0);
    case "msqrt": case "mroot":
      return tallest(parts(e), scale, nested) + 0.3 * scale;
    case "mtable":
      return parts(e).reduce((h, row) => h + tallest(parts(row), scale, nested) + 0.4 * scale, 0);
    default:
      return tallest(parts(e), scale, nested);
  }
}

/** The formula's height (its math at `MATH_SCALE` of the text, math.css), plus the display's margins and a scrollbar. */
function formula(el: Element): Shape {
  const maths = descendants(el).filter((e) => e.name === "math");
  const em = Math.max(1.2, ...maths.map((m) => mathHeight(m)));
  return { ...zero(), fixed: em * MATH_SCALE + 2.6 };
}

/** A cell's code is set smaller and tighter than a chapter's code block, which keeps the prose's line height. */
function code(el: Element): Shape {
  const lines = textOf(el).split("\n").length;
  return { ...zero(), fixed: lines * (closest(el, "cell") ? 1.35 : 1.1 * LINE_EM) + 1.5 };
}

/**
 * A chart is drawn at its viewBox's size, or narrower to fit the column (the taller of a wide and a narrow
 * variant); a diagram keeps its size and scrolls sideways (site.css). Legend and caption are prose.
 */
function figure(el: Element): Shape {
  const shape = prose(el);
  let diagram = 0;
  let seen = false;
  // (The parser gives attribute names in lower case, as HTML has them: viewBox is `viewbox`.)
  for (const svg of descendants(el)) {
    if (svg.name !== "svg" || !(closest(svg.parent, "plot-frame") || /^plot-/.test(svg.attribs.class ?? ""))) continue;
    const box = svg.attribs.viewbox?.split(/[\s,]+/).map(Number);
    if (!box || !(box[2] > 0)) continue;
    seen = true;
    if (closest(svg, "plot-diagram")) diagram = Math.max(diagram, box[3] / FONT_PX + 1);
    else {
      shape.drawn = Math.max(shape.drawn, box[3] / FONT_PX);
      shape.ratio = Math.max(shape.ratio, box[3] / box[2]);
    }
  }
  shape.fixed += (seen ? diagram : 20) + 3;
  return shape;
}

/**
 * Each row as tall as its longest cell's prose in an equal share of the column, less the cells' padding
 * (columns are rarely equal, hence a margin): text in one of n cells wraps like n times as much text in the
 * column less n paddings (p ÷ (column ÷ n − pad) = n·p ÷ (column − n·pad)). On a phone the padding is a
 * quarter of a narrow cell. The indent stops well short of the narrowest column, which it must never reach.
 */
const CELL_PADDING_EM = 1.2; // .6rem each side and a border (site.css `.chapter td`)
const MAX_TABLE_INDENT = 8; // the narrowest column (Base.astro) is 13.6 em
function table(el: Element): Shape {
  const shape = { ...zero(), fixed: 2 };
  for (const row of descendants(el).filter((e) => e.name === "tr")) {
    const cells = row.children.filter(isElement).map(prose);
    const n = Math.max(1, cells.length);
    shape.prose += Math.max(0, ...cells.map((c) => c.prose)) * n;
    shape.lines += Math.max(0, ...cells.map((c) => c.lines));
    shape.fixed += Math.max(0, ...cells.map((c) => c.fixed));
    shape.indent = Math.max(shape.indent, Math.min(MAX_TABLE_INDENT, n * CELL_PADDING_EM));
  }
  const out = zero();
  add(out, shape, 1.25);
  return out;
}

function isElement(node: ChildNode | Element["parent"]): node is Element {
  return node !== null && (node.type === "tag" || node.type === "script" || node.type === "style");
}

function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs?.class;
  return cls !== undefined && cls.split(/\s+/).includes(name);
}

/** Whether `node` or one of its ancestors has the class. */
function closest(node: Element["parent"], name: string): boolean {
  for (let p = node; p && isElement(p); p = p.parent) if (hasClass(p, name)) return true;
  return false;
}

/** Every shown element under `el`, in document order, without descending into those `prune` says (which are listed). */
function descendants(el: Element, prune: (e: Element) => boolean = () => false): Element[] {
  const out: Element[] = [];
  const walk = (parent: Element): void => {
    for (const child of parent.children) {
      if (!isElement(child) || isHidden(child)) continue;
      out.push(child);
      if (!prune(child)) walk(child);
    }
  };
  walk(el);
  return out;
}

function textOf(el: Element): string {
  let text = "";
  const walk = (node: ChildNode): void => {
    if (node.type === "text") text += node.data;
    else if (isElement(node)) node.children.forEach(walk);
  };
  el.children.forEach(walk);
  return text;
}

/**
 * Build-time figures: each chapter may export Plot options from
 * `content/<chapter>/figures.ts`; `<Figure name="…">` renders one to SVG while
 * the site builds, with the same Plot code a cell would use, so a page reads
 * well before anything runs. Names are unique across the course.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { dropPlotStyles, isDiagram, layoutPlot } from "./plot-layout.ts";
import { simplifyPolyline } from "./svg-path.ts";
import type { Lang } from "../i18n/lang.ts";

/** A figure: a function returning Observable Plot options (marks included), with its words in the page's language. */
export type FigureFn = (lang: Lang) => Plot.PlotOptions;

const modules = import.meta.glob<Record<string, unknown>>("/content/*/figures.ts", { eager: true });

function registry(): Map<string, FigureFn> {
  const found = new Map<string, FigureFn>();
  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (found.has(name)) throw new Error(`figure: duplicate figure name ${JSON.stringify(name)} in ${file}`);
      found.set(name, value as FigureFn);
    }
  }
  return found;
}

/** Renders the named figure to an SVG (or figure-with-legend) HTML string, laid out for `width` px (default: its own width). */
export function renderFigure(name: string, width = Infinity, lang: Lang = "en"): string {
  const figures = registry();
  const fn = figures.get(name);
  if (!fn) throw new Error(`figure: unknown figure ${JSON.stringify(name)} (known: ${[...figures.keys()].join(", ") || "none"})`);
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const { marks, ...rest } = fn(lang);
  const node = Plot.plot({ ...layoutPlot(rest, width), marks, document } as Plot.PlotOptions & { document: unknown }) as unknown as Element;
  // The wrapper has role="img" and the caption as its name; Plot's aria-labels
  // on <g> elements are not valid ARIA inside it.
  node.setAttribute("aria-hidden", "true");
  dropPlotStyles(node);
  for (const path of node.querySelectorAll("path[d]")) path.setAttribute("d", simplifyPolyline(path.getAttribute("d")!));
  return node.outerHTML;
}

/** True when the named figure is a diagram (both axes off): it keeps its size and scrolls on phones. */
export function figureIsDiagram(name: string): boolean {
  const fn = registry().get(name);
  return !!fn && isDiagram(fn("en") as Record<string, unknown>);
}

/**
 * Turns a plot description sent by a cell (see src/runtime/plot-spec.ts:
 * Plot options plus `{ mark, data, options }` per mark, all plain data) into an
 * Observable Plot figure. Loaded lazily, with Plot, the first time a cell draws.
 */
import * as Plot from "@observablehq/plot";
import { MARK_NAMES, type PlotData } from "../runtime/plot-spec.ts";
import { safePlotData } from "../runtime/plot-safety.ts";
import { dropPlotStyles, layoutPlot } from "./plot-layout.ts";
import { t } from "../i18n/message.ts";
import { pointsShown } from "../i18n/messages/output.ts";
import { pageLang } from "./page-lang.ts";

export { isDiagram } from "./plot-layout.ts";

type AnyMark = (...args: unknown[]) => Plot.Markish;

/**
 * Builds the figure for a box `available` px wide (default: the plot's own
 * width); throws `unknown mark: name` for a mark the cell-side Plot does not offer.
 */
export function renderPlot(unsafe: PlotData, available = Infinity): SVGSVGElement | HTMLElement {
  if (!Array.isArray(unsafe?.marks)) throw new Error(`plot: marks must be an array, got ${typeof unsafe?.marks}`);
  // Links allow-listed, script-capable strings dropped, sizes clamped (plot-safety.ts).
  const { marks: specs, sampled, ...rest } = safePlotData(unsafe, document.baseURI);
  const marks = specs.map((m, i) => {
    const name = m?.mark;
    if (!(MARK_NAMES as readonly string[]).includes(name)) throw new Error(`unknown mark: ${String(name)} (mark ${i})`);
    const fn = (Plot as unknown as Record<string, AnyMark>)[name];
    // Data-less marks (frame, grids, axes) take their options first.
    return m.data === null ? fn(m.options) : fn(m.data, m.options);
  });
  const figure = Plot.plot({ ...(layoutPlot(rest, available) as Plot.PlotOptions), marks });
  dropPlotStyles(figure);
  // The container carries the accessible name (role="img"); Plot's own
  // aria-labels on <g> elements are not valid ARIA there.
  figure.setAttribute("aria-hidden", "true");
  if (!sampled?.length) return figure;
  // The worker sampled big data: say so under the plot.
  const box = document.createElement("div");
  const note = document.createElement("p");
  note.className = "out-note";
  note.textContent = t(pointsShown, pageLang(), { marks: sampled });
  box.append(figure, note);
  return box;
}

/**
 * Figures nobody sees, with what the course's figures use most (dots coloured by a category, a line, both
 * axes, a legend), so that the browser has compiled Plot's drawing code before a reader's first figure: drawn
 * cold, chapter 8's first figure (600 dots and a legend) was one task of 65–90 ms by CPU. Drawn a task apart,
 * each stage compiles part of Plot: the first figure alone, with everything, was a task of 38–42 ms by CPU.
 * The last stages, with more points, make the per-point code fast.
 */
export const WARM_UP_STAGES = [
  { points: 2, axes: false, line: false, legend: false }, // the plot, its scales and the dot mark
  { points: 2, axes: true, line: true, legend: false }, // axes, ticks and the line mark
  { points: 40, axes: true, line: true, legend: true }, // the colour legend
  { points: 300, axes: true, line: true, legend: true },
] as const;

/** Draws warm-up stage `stage` of {@link WARM_UP_STAGES}. */
export function warmUp(stage: number): void {
  const { points, axes, line, legend } = WARM_UP_STAGES[stage];
  const rows = Array.from({ length: points }, (_, i) => ({ x: i, y: (i * 7) % 11, c: i % 3 ? "a" : "b" }));
  renderPlot({
    width: 200, height: 120, color: { legend }, ...(axes ? {} : { axis: null }),
    marks: [
      { mark: "dot", data: rows, options: { x: "x", y: "y", fill: "c" } },
      ...(line ? [{ mark: "line" as const, data: rows, options: { x: "x", y: "y" } }] : []),
    ],
  });
}

/**
 * How far the y-axis tick labels of a drawn figure stick out left of the SVG (px, 0 when they fit): Plot's
 * default left margin is 40 px whatever the labels' length, so "0.0001" at 12 px is clipped. This one, when it
 * is known without laying the page out (labels that surely fit, an axis measured before); else undefined, and
 * {@link measureLeftOverflow} measures it.
 */
export function knownLeftOverflow(figure: Element): number | undefined {
  // Measuring forces a layout: skip it when the longest tick label surely fits in Plot's 40 px (short labels
  // at 12 px take under 7.5 px a character; tick and padding take 9 px).
  const longest = Math.max(0, ...[...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent?.length ?? 0));
  if (longest * 7.5 < 40 - 9 - 4) return 0;
  const axis = yAxis(figure);
  return axis ? measured.get(axis.key) : 0;
}

/** The y-axis's labels, their SVG and the key its overflow is remembered by; null for a figure with no y labels. */
function yAxis(figure: Element): { svg: SVGSVGElement; labels: SVGGraphicsElement[]; key: string } | null {
  // With a legend the figure also holds swatch SVGs; the axes are in the plot's own SVG, found by their labels.
  const labels = [...figure.querySelectorAll<SVGGraphicsElement>('g[aria-label="y-axis tick label"], g[aria-label="y-axis label"]')];
  const svg = labels[0]?.ownerSVGElement;
  if (!svg) return null;
  // A live output redraws the same axis many times (a decision map every few epochs): the overflow depends only
  // on the labels' markup and the SVG's font, so it is measured once per distinct axis. A forced layout of a long
  // chapter costs tens of milliseconds, every redraw.
  const key = [svg.getAttribute("font-size"), svg.getAttribute("font-family"), svg.getAttribute("style"), ...labels.map((g) => g.outerHTML)].join("\u0000");
  return { svg, labels, key };
}

/**
 * Measures the overflow (a layout, unless the page is laid out already) and remembers it per axis. Needs the
 * figure in the page: null when it is not laid out.
 */
export function measureLeftOverflow(figure: Element): number | null {
  const axis = yAxis(figure);
  if (!axis) return 0;
  const box = axis.svg.getBoundingClientRect();
  let over = 0;
  for (const g of axis.labels) over = Math.max(over, box.left - g.getBoundingClientRect().left);
  const result = Math.ceil(over);
  if (box.width === 0) return null; // not in the page yet, or hidden: nothing to measure
  if (measured.size >= MEASURED_MAX) measured.delete(measured.keys().next().value!);
  measured.set(axis.key, result);
  return result;
}

/** Overflows already measured, by axis markup (oldest dropped first past MEASURED_MAX). */
const measured = new Map<string, number>();
const MEASURED_MAX = 64;

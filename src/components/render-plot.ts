/**
 * Turns a plot description sent by a cell (see src/runtime/plot-spec.ts:
 * Plot options plus `{ mark, data, options }` per mark, all plain data) into an
 * Observable Plot figure. Loaded lazily, with Plot, the first time a cell draws.
 */
import * as Plot from "@observablehq/plot";
import { MARK_NAMES, type PlotData } from "../runtime/plot-spec.ts";
import { safePlotData } from "../runtime/plot-safety.ts";

type AnyMark = (...args: unknown[]) => Plot.Markish;

/** Builds the figure; throws `unknown mark: name` for a mark the cell-side Plot does not offer. */
export function renderPlot(unsafe: PlotData): SVGSVGElement | HTMLElement {
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
  const figure = Plot.plot({ ...(rest as Plot.PlotOptions), marks });
  // The container carries the accessible name (role="img"); Plot's own
  // aria-labels on <g> elements are not valid ARIA there.
  figure.setAttribute("aria-hidden", "true");
  if (!sampled?.length) return figure;
  // The worker sampled big data: say so under the plot.
  const box = document.createElement("div");
  const note = document.createElement("p");
  note.className = "out-note";
  note.textContent = sampled.map((s) => `showing ${s.shown.toLocaleString("en")} of ${s.total.toLocaleString("en")} points (${s.mark})`).join("; ");
  box.append(figure, note);
  return box;
}

/**
 * Turns a plot description sent by a cell (see src/runtime/plot-spec.ts:
 * Plot options plus `{ mark, data, options }` per mark, all plain data) into an
 * Observable Plot figure. Loaded lazily, with Plot, the first time a cell draws.
 */
import * as Plot from "@observablehq/plot";
import { MARK_NAMES, type PlotData } from "../runtime/plot-spec.ts";

type AnyMark = (...args: unknown[]) => Plot.Markish;

/** Builds the figure; throws `unknown mark: name` for a mark the cell-side Plot does not offer. */
export function renderPlot(spec: PlotData): SVGSVGElement | HTMLElement {
  const { marks: specs, ...rest } = spec;
  if (!Array.isArray(specs)) throw new Error(`plot: marks must be an array, got ${typeof specs}`);
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
  return figure;
}

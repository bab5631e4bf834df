/**
 * Lays a plot out for the width it is shown at, for cell outputs (measured on
 * the page) and build-time figures (a wide and a phone rendering). Plot draws
 * at 640 px by default; scaled down to a 390 px phone its 10 px text shrinks
 * to 5 px. Drawing at the real width keeps text at its size, and narrow plots
 * get 12 px text. Log scales get 0.4 / 1e-15 tick labels instead of d3's SI
 * prefixes ("400m", "1f").
 */
import { formatTick } from "../runtime/controls.ts";

/** Below this drawing width text is set at {@link NARROW_FONT}. */
export const NARROW_WIDTH = 480;
export const NARROW_FONT = "12px";
const DEFAULT_WIDTH = 640;

type Options = Record<string, unknown>;

/**
 * A diagram (both axes off: a graph drawing, not a chart) keeps its own size:
 * its labels are placed for that size, and shrinking the geometry under
 * fixed-size text would pile them up. On a narrow screen it scrolls sideways.
 */
export function isDiagram(options: Options): boolean {
  const axisOff = (k: string) => !!options[k] && typeof options[k] === "object" && (options[k] as Options).axis === null;
  return axisOff("x") && axisOff("y");
}

/** Plot options for a plot shown `available` px wide (a new object; the input is not changed). */
export function layoutPlot(options: Options, available: number): Options {
  const out: Options = { ...options };
  if (isDiagram(options)) return out;
  const natural = typeof options.width === "number" && options.width > 0 ? options.width : DEFAULT_WIDTH;
  const width = Math.max(160, Math.min(natural, Math.floor(available)));
  if (width < natural) {
    out.width = width;
    // A fixed height shrinks with the width (square maps stay square), but not below 60 % so lines stay apart.
    if (typeof options.height === "number") out.height = Math.round(options.height * Math.max(width / natural, 0.6));
  }
  if (width < NARROW_WIDTH) {
    const style = options.style;
    if (style === undefined) out.style = { fontSize: NARROW_FONT };
    else if (style && typeof style === "object") out.style = { fontSize: NARROW_FONT, ...(style as Options) };
  }
  for (const key of ["x", "y", "fx", "fy"]) {
    const scale = options[key];
    if (scale && typeof scale === "object" && (scale as Options).type === "log" && (scale as Options).tickFormat === undefined) {
      out[key] = { ...(scale as Options), tickFormat: formatTick };
    }
  }
  return out;
}

/**
 * Removes the <style> elements Plot writes into every figure and legend. The page carries their rules once
 * (site.css, kept equal by test/components/plot-styles.test.ts): a <style> in each figure is parsed with the
 * page, and each one inserted into or removed from the document restyles the whole chapter.
 */
export function dropPlotStyles(figure: Element): void {
  for (const style of figure.querySelectorAll("style")) style.remove();
}

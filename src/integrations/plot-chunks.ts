/**
 * How the page's bundle splits Plot and the d3 modules it is built from (astro.config.mjs, client build).
 *
 * In one chunk, evaluating them was one main-thread task of 70–100 ms, the one long task left in chapter 8's
 * Run all. In three chunks that `render-output.ts` imports one after another, a task apart, each evaluates in
 * a task of its own:
 *   1. d3's colour, interpolation, number and time modules (d3-scale-chromatic's import pulls in the rest);
 *   2. the other d3 modules (d3-scale's import; it uses the first chunk's);
 *   3. Plot itself (with render-plot.ts), which uses both.
 * Each chunk may only need chunks before it: that is what lets it evaluate alone.
 */
export const plotChunkGroups = [
  { name: "plot-d3-base", test: /node_modules[\\/]d3-(scale-chromatic|interpolate|color|format|time|time-format)[\\/]/, priority: 3 },
  { name: "plot-d3", test: /node_modules[\\/]d3-/, priority: 2 },
  { name: "plot", test: /node_modules[\\/](@observablehq[\\/]plot|interval-tree-1d|isoformat)[\\/]/, priority: 1 },
];

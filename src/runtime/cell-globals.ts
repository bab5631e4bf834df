/**
 * What a cell can use without importing it, as TypeScript declarations: for
 * an editor's completions and hover types, or for type-checking cell code
 * with a compiler host that maps the module "nn" to src/nn/index.ts. Kept as
 * text (not an ambient .d.ts in src/) so these globals do not leak into the
 * project's own type-checking.
 */
import { MARK_NAMES } from "./plot-spec.ts";

/** Ambient declarations of the globals the kernel installs for cells. */
export const CELL_GLOBALS_DTS = `
import type * as NN from "nn";
declare global {
  /** The nn library (same as \`import * as nn from "nn"\`). */
  const nn: typeof NN;
  /** Thrown at a cooperation point after the reader pressed Stop. */
  class Interrupted extends Error {}
  interface DisplayHandle {
    readonly id: string;
    /** Redraws the output in place (about 60 times a second at most; the last value always shows). */
    update(value: unknown): void;
  }
  /** Shows a value (or a Plot.plot(...) description) as a new output of this cell. */
  function display(value: unknown, options?: { id?: string }): DisplayHandle;
  /** Reports progress of a long loop; the page shows a bar with percentage and ETA. */
  function progress(p: { done: number; total: number; label?: string; id?: string }): void;
  interface ProgressBar {
    tick(n?: number): void;
    set(done: number): void;
    finish(): void;
  }
  function progressBar(total: number, options?: { label?: string; id?: string }): ProgressBar;
  /**
   * A slider above the cell's output; returns its current value. Moving it
   * re-runs the cell. Headless runs get \`value\` (default: the middle).
   * \`scale: "log"\` spaces the range geometrically (min > 0).
   */
  function slider(label: string, options: { min: number; max: number; value?: number; step?: number; scale?: "linear" | "log" }): number;
  /** A number box; returns its current value (default \`value\`, else \`min\`, else 0). */
  function number(label: string, options?: { value?: number; min?: number; max?: number; step?: number }): number;
  /** A drop-down of options; returns the chosen one (default \`value\`, else the first). */
  function select<T extends string | number>(label: string, options: readonly T[], opts?: { value?: T }): T;
  /** A check box; returns whether it is ticked. */
  function checkbox(label: string, value?: boolean): boolean;
  /** A button; returns how many times it was pressed (0 at first). Each press re-runs the cell. */
  function button(label: string): number;
  /**
   * A 2-D dataset the reader draws above the output (click to place points of
   * 2 or 3 classes, or start from a preset). Returns it like \`spiral(...)\`:
   * \`x\` (n×2), \`y\` (classes), \`classes\`. Headless runs get the preset.
   */
  function drawData(label: string, options?: { classes?: 2 | 3; preset?: "spiral" | "moons" | "circles" | "xor" | "gaussians"; perClass?: number }): { x: NN.Matrix; y: Int32Array; classes: number };
  type PlotMark = { readonly mark: string; plot(options?: Record<string, unknown>): PlotSpec };
  type PlotSpec = { readonly kind: "plot"; readonly options: Record<string, unknown> };
  /** Mark options; a channel may be a function of the datum (and its index). */
  type PlotMarkOptions = { [option: string]: {} | null | undefined | ((d: any, i: number) => unknown) };
  type PlotMarkFn = (data?: unknown, options?: PlotMarkOptions) => PlotMark;
  /** Observable Plot's API names; builds a description the page draws. Channels may be functions. */
  const Plot: { plot(options?: Record<string, unknown>): PlotSpec } & {
    [K in ${MARK_NAMES.map((m) => JSON.stringify(m)).join(" | ")}]: PlotMarkFn;
  };
}
export {};
`;

/**
 * Renders what a cell shows (rich values, logs, errors, progress) as DOM.
 * Everything a cell produces is data and is inserted with textContent, never
 * as HTML. Plots load Observable Plot lazily on first use.
 */
import { formatNumber, richToText, type Rich } from "../runtime/rich.ts";
import type { CellError, LogLine, ProgressMessage } from "../runtime/protocol.ts";
import { errorMessage, wordCuts } from "../runtime/kernel-faults.ts";
import { scheduleRedraw } from "./redraw-queue.ts";
import { scheduleScrollables } from "./scrollables.ts";
import { pageLang } from "./page-lang.ts";
import { t } from "../i18n/message.ts";
import * as outMsg from "../i18n/messages/output.ts";

/** An element with `text` as its text; a note where the runtime cut a text is put in the page's language. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = wordCuts(text, pageLang());
  return node;
}

function matrixTable(r: Extract<Rich, { kind: "matrix" }>): HTMLElement {
  const table = el("table", "out-table");
  const truncated = r.rowIndex.length < r.rows || r.colIndex.length < r.cols;
  const lang = pageLang();
  table.append(el("caption", undefined, t(outMsg.matrixCaption, lang, { rows: r.rows, cols: r.cols, truncated })));
  const head = el("tr");
  head.append(el("th", "out-corner", t(outMsg.rowHeader, lang)));
  r.colIndex.forEach((j, k) => {
    if (k > 0 && j - r.colIndex[k - 1] > 1) head.append(el("th", undefined, "…"));
    head.append(el("th", undefined, String(j)));
  });
  table.append(head);
  r.rowIndex.forEach((i, k) => {
    if (k > 0 && i - r.rowIndex[k - 1] > 1) {
      const gap = el("tr");
      const cell = el("td", "out-gap", "⋮");
      cell.colSpan = head.children.length;
      cell.append(el("span", "visually-hidden", t(outMsg.rowsNotShown, lang, { from: r.rowIndex[k - 1] + 1, to: i - 1 })));
      gap.append(cell);
      table.append(gap);
    }
    const tr = el("tr");
    tr.append(el("th", undefined, String(i)));
    r.values[k].forEach((v, c) => {
      if (c > 0 && r.colIndex[c] - r.colIndex[c - 1] > 1) tr.append(el("td", undefined, "…"));
      tr.append(el("td", undefined, formatNumber(v)));
    });
    table.append(tr);
  });
  return table;
}

function modelTable(r: Extract<Rich, { kind: "model" }>): HTMLElement {
  const table = el("table", "out-table");
  const lang = pageLang();
  table.append(el("caption", undefined, t(outMsg.modelCaption, lang, { name: r.name, layers: r.layers.length, params: r.totalParams })));
  const head = el("tr");
  for (const h of ["#", t(outMsg.layerHeader, lang), t(outMsg.paramsHeader, lang)]) head.append(el("th", undefined, h));
  table.append(head);
  for (const l of r.layers) {
    const tr = el("tr");
    tr.append(el("td", undefined, String(l.index)), el("td", undefined, l.description), el("td", undefined, l.params.toLocaleString("en")));
    (tr.children[1] as HTMLElement).style.textAlign = "left";
    table.append(tr);
  }
  return table;
}

type PlotModule = typeof import("./render-plot.ts");
let plotModule: PlotModule | null = null;
let plotLoading: Promise<PlotModule> | null = null;
/**
 * Plot loads once per page; after that figures draw synchronously (no "drawing…" flash on re-runs). Loading it
 * is split into tasks a reader's page stays responsive between (in one, it was a task of 70–100 ms):
 *   1. the browser's number formatting: Plot makes its default formatter when it is evaluated, and the page's
 *      first `Intl.NumberFormat` sets up the browser's locale data, 30–50 ms in one native call;
 *   2–4. three chunks, d3's base modules, the rest of d3, Plot (src/integrations/plot-chunks.ts);
 *   5. figures nobody sees, one a task, to compile Plot's drawing code before the first real one (`warmUp`);
 *   6. a task boundary, so that no figure waiting for Plot draws in the same task as any of this.
 */
const loadPlot = (): Promise<PlotModule> =>
  (plotLoading ??= (async () => {
    await nextTask(); // not in the event handler that asked for Plot
    new Intl.NumberFormat("en-US");
    await nextTask();
    await import("d3-scale-chromatic");
    await nextTask();
    await import("d3-scale");
    await nextTask();
    const module = await import("./render-plot.ts");
    await nextTask();
    for (let stage = 0; stage < module.WARM_UP_STAGES.length; stage++) {
      module.warmUp(stage);
      await nextTask();
    }
    return (plotModule = module);
  })());
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Loads Plot ahead of a first figure, when a reader reaches for Run (notebook.ts): evaluating Plot is a task
 * of its own, tens of milliseconds, which would otherwise land in the same task as the first chart's drawing.
 */
export function preloadPlot(): void {
  void loadPlot().catch(() => (plotLoading = null)); // a failed load is reported by the figure that needs it
}

/** Redraws each plot box when its width changes (phone rotation, window resize). */
const sized = new WeakMap<Element, (width: number) => void>();
let observer: ResizeObserver | null = null;
function whenSized(box: HTMLElement, draw: (width: number) => void): void {
  sized.set(box, draw);
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      if (!e.target.isConnected) observer?.unobserve(e.target); // replaced by a newer output: let it go
      else if (e.contentRect.width > 0) sized.get(e.target)?.(e.contentRect.width);
    }
  });
  observer.observe(box);
}

/**
 * Draws a plot into `box` at the width of the box it goes in, redrawing when that width changes. `widthHint`:
 * the width a plot in the same place was last drawn at (a live output's redraw, a re-run's new figure); with
 * Plot loaded the figure is drawn at once at that width, in the same frame, instead of after the next layout
 * (the observer then corrects the width if the hint was wrong).
 */
function mountPlot(box: HTMLElement, options: Extract<Rich, { kind: "plot" }>["options"], widthHint?: number): void {
  let drawnAt = -1;
  const fail = (err: Error) => {
    box.className = "out-error";
    box.removeAttribute("role");
    box.textContent = `plot: ${err.message}`;
    observer?.unobserve(box);
  };
  /** False while a figure drawn before its box was in the page waits for what needs the page (see settle). */
  let settled = true;
  const draw = (m: PlotModule, width: number) => {
    try {
      box.dataset.drawnWidth = String(width);
      const figure = m.renderPlot(options, width);
      box.classList.toggle("out-plot-natural", m.isDiagram(options));
      box.replaceChildren(figure);
      settle(m, figure, width);
    } catch (err) {
      fail(err as Error);
    }
  };
  /** Once in the page: long tick labels widen the left margin by what sticks out; a wide figure may scroll. */
  const settle = (m: PlotModule, figure: Element, width: number) => {
    // Drawn before the box was placed: the observer's first call (right after a layout) settles it.
    settled = box.isConnected;
    if (!settled) return;
    const known = m.knownLeftOverflow(figure);
    if (known !== undefined) return widen(m, known, width);
    // An axis not measured before is measured in the next frame, which lays the new figure out anyway, before
    // it paints (a wider redraw there shows no clipped frame). Measured here, the layout would land in the task
    // that built the figure: for chapter 8's decision map, one task of both.
    requestAnimationFrame(() => {
      if (box.firstElementChild !== figure) return; // replaced since: the new figure settles itself
      const over = m.measureLeftOverflow(figure);
      if (over === null) settled = false;
      else widen(m, over, width);
    });
  };
  /** Redraws with the left margin widened by `over` px (when the labels stick out); a wide figure may scroll. */
  const widen = (m: PlotModule, over: number, width: number) => {
    if (over) box.replaceChildren(m.renderPlot({ ...options, marginLeft: (typeof options.marginLeft === "number" ? options.marginLeft : 40) + over + 4 }, width));
    const region = box.closest<HTMLElement>(".cell-output, .exercise-result");
    if (region) scheduleScrollables(region);
  };
  if (plotModule && widthHint !== undefined && widthHint > 0) {
    drawnAt = widthHint;
    draw(plotModule, widthHint);
  }
  whenSized(box, (width) => {
    // Sub-pixel and scrollbar jitter must not redraw in a loop.
    if (Math.abs(width - drawnAt) < 8) {
      if (!settled && plotModule && box.firstElementChild) settle(plotModule, box.firstElementChild, drawnAt);
      return;
    }
    drawnAt = width;
    // One figure per animation frame (redraw-queue.ts): when several outputs appear at once (Run all, a
    // resize, or while Plot loads), drawing them all in one callback would make one long task of them.
    const redraw = (m: PlotModule): void => scheduleRedraw(box, () => draw(m, drawnAt));
    if (plotModule) redraw(plotModule);
    else loadPlot().then(redraw, fail);
  });
}

/** The width a plot inside `region` was last drawn at (a data attribute: reading it forces no layout). */
export function drawnPlotWidth(region: Element): number | undefined {
  const w = Number(region.querySelector<HTMLElement>(".out-plot[data-drawn-width]")?.dataset.drawnWidth);
  return w > 0 ? w : undefined;
}

/**
 * A DOM node for a rich value. Plots resolve asynchronously; the returned
 * node is a placeholder that the figure replaces.
 */
export function renderRich(r: Rich, className = "out-line", plotWidthHint?: number): HTMLElement {
  if (r.kind === "matrix") return matrixTable(r);
  if (r.kind === "model") return modelTable(r);
  if (r.kind === "plot") {
    const lang = pageLang();
    const box = el("div", "out-plot", plotModule ? "" : t(outMsg.drawing, lang));
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", typeof r.options.title === "string" ? r.options.title : t(outMsg.plotLabel, lang));
    mountPlot(box, r.options, plotWidthHint);
    return box;
  }
  // A multi-line string (a table a cell built) reads better as text than as an escaped literal.
  const bare = r.kind === "string" && (className === "out-line" || r.value.includes("\n"));
  return el("pre", className, richToText(r, { quoteStrings: !bare }));
}

/** One console line: arguments separated by spaces, strings bare (as console.log prints them). */
export function renderLogLine(line: LogLine): HTMLElement {
  const onlyText = line.args.every((a) => a.kind !== "matrix" && a.kind !== "model" && a.kind !== "plot");
  if (onlyText) {
    return el("pre", `out-line ${line.level}`, line.args.map((a) => richToText(a, { quoteStrings: false })).join(" "));
  }
  const box = el("div", `out-line ${line.level}`);
  for (const a of line.args) box.append(renderRich(a));
  return box;
}

/** An error with its place in the reader's code. */
export function renderError(error: CellError, cellLabel: (id: string) => string): HTMLElement {
  const lang = pageLang();
  const where =
    error.line !== undefined
      ? t(outMsg.errorPlace, lang, { cell: error.cellId ? cellLabel(error.cellId) : undefined, line: error.line, column: error.column })
      : "";
  // A thrown non-Error (`throw 42`): the value is the program's, the remark after it the page's.
  const message = error.thrown ? t(outMsg.nonErrorThrown, lang, { value: richToText(error.thrown) }) : errorMessage(error, lang);
  const text = `${error.name}: ${message}${where}`;
  const frames = (error.frames ?? []).slice(1).map((f) => t(outMsg.errorFrame, lang, { fn: f.fn || "<cell>", cell: cellLabel(f.cellId), line: f.line }));
  const node = el("pre", "out-error", [text, ...frames].join("\n"));
  node.setAttribute("role", "alert");
  return node;
}

/** A progress bar with percentage and ETA, updated in place. */
export function renderProgress(p: ProgressMessage, existing?: HTMLElement): HTMLElement {
  const box = existing ?? el("div", "out-progress");
  const bar = (box.querySelector("progress") as HTMLProgressElement | null) ?? el("progress");
  const label = box.querySelector("span") ?? el("span");
  bar.max = Math.max(p.total, 1);
  bar.value = Math.min(p.done, p.total);
  const lang = pageLang();
  bar.setAttribute("aria-label", p.label || t(outMsg.progressLabel, lang));
  const eta =
    p.etaMs === null
      ? ""
      : p.percent >= 100
        ? t(outMsg.progressElapsed, lang, { seconds: (p.elapsedMs / 1000).toFixed(1) })
        : t(outMsg.progressEta, lang, { seconds: Math.ceil(p.etaMs / 1000) });
  label.textContent = t(outMsg.progressText, lang, { label: p.label, percent: p.percent.toFixed(0), done: p.done, total: p.total, eta });
  if (!existing) box.append(bar, label);
  return box;
}

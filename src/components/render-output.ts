/**
 * Renders what a cell shows (rich values, logs, errors, progress) as DOM.
 * Everything a cell produces is data and is inserted with textContent, never
 * as HTML. Plots load Observable Plot lazily on first use.
 */
import { formatNumber, richToText, type Rich } from "../runtime/rich.ts";
import type { CellError, LogLine, ProgressMessage } from "../runtime/protocol.ts";
import { markScrollablesSoon } from "./scrollables.ts";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function matrixTable(r: Extract<Rich, { kind: "matrix" }>): HTMLElement {
  const table = el("table", "out-table");
  const truncated = r.rowIndex.length < r.rows || r.colIndex.length < r.cols;
  table.append(el("caption", undefined, `Matrix ${r.rows}×${r.cols}${truncated ? " (first and last rows/columns)" : ""}`));
  const head = el("tr");
  head.append(el("th", "out-corner", "row"));
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
      cell.append(el("span", "visually-hidden", ` rows ${r.rowIndex[k - 1] + 1} to ${i - 1} not shown`));
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
  table.append(el("caption", undefined, `${r.name}: ${r.layers.length} layers, ${r.totalParams.toLocaleString("en")} parameters`));
  const head = el("tr");
  for (const h of ["#", "layer", "parameters"]) head.append(el("th", undefined, h));
  table.append(head);
  for (const l of r.layers) {
    const tr = el("tr");
    tr.append(el("td", undefined, String(l.index)), el("td", undefined, l.description), el("td", undefined, l.params.toLocaleString("en")));
    (tr.children[1] as HTMLElement).style.textAlign = "left";
    table.append(tr);
  }
  return table;
}

let drawing: Promise<unknown> = Promise.resolve();
/**
 * Draws plots one per animation frame, in order: a burst of plots (or of
 * display updates) never becomes one long task. A placeholder that left the
 * page before its turn (an update replaced it) is not drawn at all.
 */
function plotNode(options: Extract<Rich, { kind: "plot" }>["options"], box: HTMLElement): Promise<Element | null> {
  const turn = drawing
    .then(() => new Promise<void>((r) => requestAnimationFrame(() => r())))
    .then(async () => {
      if (!box.isConnected) return null;
      const { renderPlot } = await import("./render-plot.ts");
      return renderPlot(options);
    });
  drawing = turn.catch(() => null);
  return turn;
}

/**
 * A DOM node for a rich value. Plots resolve asynchronously; the returned
 * node is a placeholder that the figure replaces.
 */
export function renderRich(r: Rich, className = "out-line"): HTMLElement {
  if (r.kind === "matrix") return matrixTable(r);
  if (r.kind === "model") return modelTable(r);
  if (r.kind === "plot") {
    const box = el("div", "out-plot", "drawing…");
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", typeof r.options.title === "string" ? r.options.title : "plot output of this cell");
    plotNode(r.options, box).then(
      (figure) => {
        if (!figure) return;
        box.replaceChildren(figure);
        const region = box.closest<HTMLElement>(".cell-output, .exercise-result");
        if (region) markScrollablesSoon(region);
      },
      (err: Error) => {
        box.className = "out-error";
        box.removeAttribute("role");
        box.textContent = `plot: ${err.message}`;
      },
    );
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
  const where =
    error.line !== undefined
      ? ` (${error.cellId ? `${cellLabel(error.cellId)}, ` : ""}line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ""})`
      : "";
  const text = `${error.name}: ${error.message}${where}`;
  const frames = (error.frames ?? []).slice(1).map((f) => `    at ${f.fn || "<cell>"} (${cellLabel(f.cellId)}, line ${f.line})`);
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
  bar.setAttribute("aria-label", p.label || "progress");
  const eta = p.etaMs === null ? "" : p.percent >= 100 ? ` · ${(p.elapsedMs / 1000).toFixed(1)} s` : ` · about ${Math.ceil(p.etaMs / 1000)} s left`;
  label.textContent = `${p.label ? `${p.label}: ` : ""}${p.percent.toFixed(0)}% (${p.done}/${p.total})${eta}`;
  if (!existing) box.append(bar, label);
  return box;
}

/**
 * One cell on the page: its buttons, status, editor (mounted lazily) and
 * outputs. It knows nothing about workers: the notebook hands it run events.
 */
import { checkControl, type ControlValue } from "../runtime/controls.ts";
import type { RunEvent, RunOutcome } from "../runtime/host.ts";
import { LogView } from "../runtime/log-view.ts";
import { ControlsView, type ControlPhase } from "./controls-view.ts";
import type { EditorHandle } from "./editor.ts";
import { drawnPlotWidth, renderError, renderLogLine, renderProgress, renderRich } from "./render-output.ts";
import { scheduleRedraw } from "./redraw-queue.ts";
import { scheduleScrollables } from "./scrollables.ts";
import { pageLang } from "./page-lang.ts";
import { t } from "../i18n/message.ts";
import * as cellMsg from "../i18n/messages/cell.ts";
import * as outMsg from "../i18n/messages/output.ts";

/** What a cell asks of the notebook. */
export interface CellHost {
  run(cell: CellView, opts?: { andNext?: boolean }): void;
  stop(cell: CellView): void;
  codeChanged(cell: CellView, code: string): void;
  reset(cell: CellView): void;
  /** Human label for a cell id in error messages ("cell 3"). */
  label(cellId: string): string;
  /** The cells whose names this cell sees (the notebook's cells above it); absent: the cell stands alone (an exercise). */
  cellsAbove?(cell: CellView): readonly CellView[];
  /** The reader changed one of the cell's controls (absent: controls are shown but do not re-run). */
  controlChanged?(cell: CellView, label: string, value: ControlValue, phase: ControlPhase): void;
}

export type CellState = "idle" | "queued" | "running" | "done" | "error" | "stopped" | "skipped";

/** One visually hidden hint per page, shared by every cell's static code. */
function hintId(): string {
  const id = "cell-code-hint";
  if (!document.getElementById(id)) {
    const hint = document.createElement("p");
    hint.id = id;
    hint.className = "visually-hidden";
    hint.textContent = t(cellMsg.codeHint, pageLang());
    (document.querySelector("main") ?? document.body).append(hint);
  }
  return id;
}

let editorModule: Promise<typeof import("./editor.ts")> | null = null;
/** CodeMirror loads once per page, on first need. */
const loadEditor = () => (editorModule ??= import("./editor.ts"));
/** How long a run goes before the cell looks busy, and Stop is offered (see setState; the notebook bar too). */
export const RUNNING_LOOK_MS = 150;

export class CellView {
  readonly id: string;
  readonly index: number;
  readonly root: HTMLElement;
  readonly original: string;
  readonly silent: boolean;
  readonly timeLimitMs: number | undefined;
  code: string;
  state: CellState = "idle";
  /** The page's language: every status and notice of the cell. */
  readonly lang = pageLang();

  #host: CellHost;
  #status: HTMLElement;
  #modified: HTMLElement;
  #notice: HTMLElement;
  #codeBox: HTMLElement;
  #output: HTMLElement;
  #buttons: Record<"run" | "stop" | "reset", HTMLButtonElement>;
  #editor: EditorHandle | null = null;
  #mounting: Promise<EditorHandle> | null = null;
  /** Text typed on the static code before the editor was ready. */
  #typedEarly = "";
  #timer: ReturnType<typeof setInterval> | null = null;
  #lookTimer: ReturnType<typeof setTimeout> | null = null;
  #started = 0;
  // per-run output state
  #log = new LogView();
  #logBox: HTMLElement | null = null;
  #logFrame = 0;
  #displays = new Map<string, HTMLElement>();
  #progress = new Map<string, HTMLElement>();
  #controls: ControlsView | null = null;
  /**
   * The previous run's output nodes, still shown until the new run's first
   * output replaces them (nodes added since, such as this run's type errors, stay).
   */
  #stalePrevious: ChildNode[] | null = null;
  /** Wall time of the last finished run (decides whether a slider re-runs while dragging). */
  lastRunMs = Infinity;

  constructor(root: HTMLElement, host: CellHost) {
    this.root = root;
    this.#host = host;
    this.id = root.dataset.cellId!;
    this.index = Number(root.dataset.cellIndex ?? 0);
    this.silent = root.dataset.silent === "true";
    const timeout = Number(root.dataset.timeout);
    this.timeLimitMs = Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined;
    this.original = (root.querySelector("template.cell-source") as HTMLTemplateElement).content.textContent ?? "";
    this.code = this.original;
    this.#status = root.querySelector(".cell-status")!;
    this.#modified = root.querySelector(".cell-modified")!;
    this.#notice = root.querySelector(".cell-notice")!;
    this.#codeBox = root.querySelector(".cell-code")!;
    this.#output = root.querySelector(".cell-output")!;
    const button = (a: string) => root.querySelector<HTMLButtonElement>(`[data-action="${a}"]`)!;
    this.#buttons = { run: button("run"), stop: button("stop"), reset: button("reset") };

    this.#buttons.run.addEventListener("click", () => host.run(this));
    this.#buttons.stop.addEventListener("click", () => host.stop(this));
    this.#buttons.reset.addEventListener("click", () => host.reset(this));
    this.#buttons.run.disabled = false;
    this.#buttons.reset.disabled = false;

    // The static, highlighted code becomes the editor on first focus or click.
    const pre = this.#codeBox.querySelector("pre");
    if (pre) {
      // Focusable so keyboard readers reach the code; it becomes the editor on focus.
      pre.tabIndex = 0;
      pre.setAttribute("aria-describedby", hintId());
      pre.addEventListener("focus", () => void this.mountEditor(true), { once: true });
      // The first click: the editor replaces the static code during this very click, so the
      // click's own default focus change (mousedown) would land on a node that is gone and
      // leave focus on the body. Take over instead: keep focus here until the editor is up,
      // then put the caret where the reader clicked.
      pre.addEventListener("pointerdown", (e) => {
        if (e.button !== 0 || this.#editor) return;
        e.preventDefault();
        const at = { x: e.clientX, y: e.clientY };
        void this.mountEditor(false).then((editor) => {
          editor.focus(at);
          if (this.#typedEarly) editor.insert(this.#typedEarly);
          this.#typedEarly = "";
        });
        pre.focus({ preventScroll: true }); // after the line above, so the caret is placed before early keys are typed
      });
      // Keys pressed before CodeMirror has loaded still work: Ctrl/Shift+Enter runs, text is kept for the editor.
      pre.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey || e.shiftKey)) {
          e.preventDefault();
          host.run(this, { andNext: e.shiftKey && !e.ctrlKey && !e.metaKey });
          return;
        }
        if (!e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === "Enter")) {
          e.preventDefault();
          this.#typedEarly += e.key === "Enter" ? "\n" : e.key;
        }
      });
    }
  }

  /** Replaces the static code with CodeMirror (idempotent). */
  mountEditor(focus = false): Promise<EditorHandle> {
    if (this.#editor) {
      if (focus) this.#editor.focus();
      return Promise.resolve(this.#editor);
    }
    this.#mounting ??= loadEditor().then(({ createEditor }) => {
      const holder = document.createElement("div");
      const editor = createEditor(holder, this.code, {
        label: t(cellMsg.codeOf, this.lang, { cell: this.#host.label(this.id) }),
        onChange: (code) => {
          this.code = code;
          this.#host.codeChanged(this, code);
        },
        onRun: () => this.#host.run(this),
        onRunAndNext: () => this.#host.run(this, { andNext: true }),
        typecheck: { id: this.id, anchor: this.#codeBox, above: () => this.#host.cellsAbove?.(this) },
      });
      this.#codeBox.replaceChildren(holder);
      this.#editor = editor;
      return editor;
    });
    return this.#mounting.then((editor) => {
      if (focus) {
        editor.focus();
        if (this.#typedEarly) editor.insert(this.#typedEarly);
        this.#typedEarly = "";
      }
      return editor;
    });
  }

  /** Shows `code` (an edit restored from storage, or the original on Reset). */
  async setCode(code: string): Promise<void> {
    this.code = code;
    const editor = await this.mountEditor(false);
    if (editor.getCode() !== code) editor.setCode(code);
  }

  /** Moves keyboard focus into this cell's code. */
  focus(): void {
    this.unfold();
    void this.mountEditor(true);
  }

  setModified(modified: boolean): void {
    this.#modified.hidden = !modified;
    // The reader's own edits are never hidden behind a fold.
    if (modified) this.unfold();
  }

  /** Opens the code if the cell was folded (`fold="…"`): for an error line, an edit or focus. */
  unfold(): void {
    const details = this.#codeBox.closest("details");
    if (details && !details.open) details.open = true;
  }

  /** A message above the code (stale saved edit, scope reset); `actions` become buttons. */
  notify(text: string | null, actions: { label: string; run: () => void }[] = []): void {
    this.#notice.hidden = text === null;
    this.#notice.replaceChildren();
    if (text === null) return;
    this.#notice.append(document.createTextNode(text));
    for (const a of actions) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "cell-btn";
      b.textContent = a.label;
      b.addEventListener("click", a.run);
      this.#notice.append(b);
    }
  }

  #stale = false;
  /** Marks the output as computed from older inputs of a cell above (cleared by the next run). */
  notifyStale(stale: boolean): void {
    if (stale === this.#stale) return;
    this.#stale = stale;
    this.root.classList.toggle("is-stale", stale);
    if (stale) this.notify(t(cellMsg.stale, this.lang), [{ label: t(cellMsg.run, this.lang), run: () => this.#host.run(this) }]);
    else this.notify(null);
  }

  /** Sets the state; `text` replaces the state's plain word in the status line ("done in 12 ms"). */
  setState(state: CellState, text?: string): void {
    this.state = state;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#lookTimer) clearTimeout(this.#lookTimer);
    this.#timer = this.#lookTimer = null;
    this.#status.dataset.state = state;
    const word = { idle: cellMsg.idle, queued: cellMsg.queued, running: cellMsg.running, done: cellMsg.done, error: cellMsg.error, stopped: cellMsg.stopped, skipped: cellMsg.notRun }[state];
    const busy = state === "running" || state === "queued";
    // A cell waiting behind another ("waiting for cell 3") is part of a sequence under way: it says so at once.
    if (!busy || (state === "queued" && text !== undefined)) {
      this.root.classList.remove("is-running");
      this.#buttons.stop.disabled = !busy;
      this.#showStatus(state, text ?? t(word, this.lang));
      return;
    }
    // Most runs end within a frame or two: a Run on a light cell, each re-run of a dragged slider. Showing
    // "queued", then "running", with Stop offered, for those would restyle the cell and rewrite its status
    // at each one: a frame of work that the run's output then waits behind (a warm Run took ~13 ms instead
    // of ~9 here), and a flicker to read. So the busy look appears only once a run has lasted RUNNING_LOOK_MS;
    // `data-state` says the state at once.
    this.#started = performance.now();
    this.#lookTimer = setTimeout(() => {
      this.#lookTimer = null;
      this.#buttons.stop.disabled = false;
      this.#showStatus(state, text ?? t(word, this.lang));
      if (state !== "running") return;
      this.root.classList.add("is-running");
      this.#timer = setInterval(() => {
        this.#status.textContent = t(cellMsg.runningFor, this.lang, { seconds: ((performance.now() - this.#started) / 1000).toFixed(1) });
      }, 100);
    }, RUNNING_LOOK_MS);
  }

  /**
   * The status line's words and colour. The colour follows `data-shown`, set with the words, not `data-state`:
   * a Run's click would otherwise turn the previous "done in 3 ms" from green to grey at once, a restyle and
   * repaint that the run's output then waits behind, and a flicker for a run that ends within a frame.
   */
  #showStatus(state: CellState, text: string): void {
    this.#status.dataset.shown = state;
    this.#status.textContent = text;
  }

  /** The cell's controls (created on the first declaration). */
  get controls(): ControlsView | null {
    return this.#controls;
  }

  #controlsView(): ControlsView {
    if (!this.#controls) {
      const box = document.createElement("div");
      this.#output.before(box);
      this.#controls = new ControlsView(box, t(cellMsg.inputsOf, this.lang, { cell: this.#host.label(this.id) }), (label, value, phase) =>
        this.#host.controlChanged?.(this, label, value, phase),
      );
    }
    return this.#controls;
  }

  /**
   * Starts a run's outputs. The previous output stays until the new run shows
   * something (or ends), so a re-run from a slider swaps outputs in one frame
   * instead of collapsing the page and growing it back.
   */
  beginRun(): void {
    this.#controls?.beginRun();
    this.notifyStale(false);
    this.#stalePrevious = [...this.#output.childNodes];
    this.#log = new LogView();
    this.#logBox = null;
    this.#displays.clear();
    this.#progress.clear();
    this.#editor?.markError(null);
    // Type errors (if any) go above this run's output; the run does not wait for them.
    this.#editor?.showTypeErrors(this.#output, this.code !== this.original);
  }

  /** The output area, emptied of the previous run's output on first use. */
  get #out(): HTMLElement {
    if (this.#stalePrevious) {
      for (const node of this.#stalePrevious) node.remove();
      this.#stalePrevious = null;
    }
    return this.#output;
  }

  /** Renders one event of this cell's run. */
  handle(e: RunEvent): void {
    switch (e.type) {
      case "control": {
        const spec = checkControl(e.control);
        if (spec) this.#controlsView().declare(spec);
        return;
      }
      case "status":
        if (e.status === "running") this.setState("running");
        if (e.status === "interrupting") this.#status.textContent = t(cellMsg.stopping, this.lang);
        if (e.status === "terminating") this.#status.textContent = t(cellMsg.restartingWorker, this.lang);
        return;
      case "log":
        this.#log.push(e);
        this.#scheduleLog();
        return;
      case "display": {
        // A re-run's figure goes where the previous run's was (still shown until now): same width.
        const node = this.#wrap(renderRich(e.value, undefined, drawnPlotWidth(this.#output)));
        this.#displays.set(e.displayId, node);
        this.#out.append(node);
        return;
      }
      case "update": {
        const node = this.#displays.get(e.displayId);
        // Latest value only, paced by time and frames (redraw-queue.ts).
        if (node) scheduleRedraw(node, () => node.replaceChildren(renderRich(e.value, undefined, drawnPlotWidth(node))));
        return;
      }
      case "progress": {
        const existing = this.#progress.get(e.progressId);
        const node = renderProgress(e, existing);
        if (!existing) {
          this.#progress.set(e.progressId, node);
          this.#out.append(node);
        }
        return;
      }
      case "result":
        this.#out.append(renderRich(e.value, "out-line out-result"));
        return;
      case "error":
      case "uncaught":
        this.#out.append(renderError(e.error, (id) => this.#host.label(id)));
        if (e.error.line !== undefined && (e.error.cellId ?? this.id) === this.id) {
          this.unfold();
          this.#editor?.markError(e.error.line);
        }
        if (e.error.line !== undefined && !this.#editor && (e.error.cellId ?? this.id) === this.id) {
          void this.mountEditor().then((ed) => ed.markError(e.error.line ?? null));
        }
        return;
    }
  }

  /** Shows how the run ended. */
  finish(outcome: RunOutcome): void {
    this.#flushLog();
    this.#controls?.endRun(outcome.status === "ok");
    this.lastRunMs = outcome.ms;
    void this.#out; // a run that showed nothing still clears the previous output
    // Plots draw a frame later; then the output may scroll sideways.
    scheduleScrollables(this.#output);
    const lang = this.lang;
    const time = t(cellMsg.duration, lang, { ms: outcome.ms });
    switch (outcome.status) {
      case "ok":
        return this.setState("done", t(cellMsg.doneIn, lang, { time }));
      case "error":
        return this.setState("error", t(cellMsg.errorAfter, lang, { time }));
      case "stopped":
        return this.setState("stopped", t(outcome.reason === "time-limit" ? cellMsg.stoppedAfterTimeLimit : cellMsg.stoppedAfter, lang, { time }));
      case "terminated":
        // A crash (out of memory, a silent kernel) says what happened under the cell too.
        if (outcome.reason === "crash" && outcome.error) this.#output.append(renderError(outcome.error, (id) => this.#host.label(id)));
        return this.setState("stopped", t(outcome.reason === "time-limit" ? cellMsg.stoppedTimeLimitScopeReset : cellMsg.stoppedScopeReset, lang));
      case "cancelled":
        return this.setState("skipped");
    }
  }

  #wrap(node: HTMLElement): HTMLElement {
    const box = document.createElement("div");
    box.className = "out-display";
    box.append(node);
    return box;
  }

  #scheduleLog(): void {
    if (this.#logFrame) return;
    this.#logFrame = requestAnimationFrame(() => this.#flushLog());
  }

  #flushLog(): void {
    if (this.#logFrame) cancelAnimationFrame(this.#logFrame);
    this.#logFrame = 0;
    if (this.#log.head.length === 0 && this.#log.tail.length === 0) return;
    if (!this.#logBox) {
      this.#logBox = document.createElement("div");
      this.#logBox.className = "out-log";
      this.#out.prepend(this.#logBox);
    }
    const nodes = this.#log.lines.map((line) =>
      "dropped" in line
        ? Object.assign(document.createElement("p"), { className: "out-dropped", textContent: t(outMsg.linesDropped, this.lang, { n: line.dropped }) })
        : renderLogLine(line),
    );
    this.#logBox.replaceChildren(...nodes);
  }
}

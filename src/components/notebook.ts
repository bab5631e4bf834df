/**
 * The page's notebook: every cell on the page, one kernel (a Web Worker) they
 * share, saved edits, and the page-level Run all / Stop / Restart. Cells run
 * one at a time in the order asked; running a cell first runs the cells above
 * it that have not run since the scope was last reset, so a reader can start
 * anywhere.
 */
import type { KernelHost, ResetInfo, RunOutcome } from "../runtime/host.ts";
import { createBrowserHost, frameIsolation } from "../runtime/browser.ts";
import { errorMessage } from "../runtime/kernel-faults.ts";
import type { ControlValue, ControlValues } from "../runtime/controls.ts";
import { loadControls, saveControls } from "../runtime/storage.ts";
import { EditSaver } from "./edit-saver.ts";
import { installShare } from "./cell-share.ts";
import { CellView, RUNNING_LOOK_MS, type CellHost } from "./cell-view.ts";
import { preloadPlot } from "./render-output.ts";
import type { ControlPhase } from "./controls-view.ts";
import { pageStorage } from "./local-storage.ts";
import { pageLang } from "./page-lang.ts";
import { t } from "../i18n/message.ts";
import * as nbMsg from "../i18n/messages/notebook.ts";
import * as cellMsg from "../i18n/messages/cell.ts";


export class Notebook implements CellHost {
  readonly chapter: string;
  readonly cells: CellView[];
  /** The page's language (every sentence the notebook and its cells say). */
  readonly lang = pageLang();
  /** Cell ids in page order (known before the cell views exist, for labels). */
  #order: string[];
  #host: KernelHost | null = null;
  /** Cells whose definitions are in the current scope. */
  #ran = new Set<string>();
  #active: CellView | null = null;
  #chain = 0;
  #store = pageStorage();
  #status: HTMLElement | null;
  #edits: EditSaver<CellView>;
  /** The reader's control values per cell (only those that differ from the default). */
  #controlValues = new Map<string, ControlValues>();
  #controlTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Control values each cell's latest run was sent, as JSON (a release after a drag need not run again). */
  #sentControls = new Map<string, string>();
  /** A finished run's timers have produced output since the last Stop (see #syncBar). */
  #timersLive = false;
  /** Cells to run again when their current run ends (a control moved meanwhile). */
  #again = new Set<string>();
  /** Since when some cell has been queued or running (null when none is), and the timer that then offers Stop. */
  #busySince: number | null = null;
  #stopSoon: ReturnType<typeof setTimeout> | null = null;
  #bar: { runAll: HTMLButtonElement; stop: HTMLButtonElement; restart: HTMLButtonElement; progress: HTMLProgressElement | null } | null = null;

  constructor(root: Document, chapter: string) {
    this.chapter = chapter;
    const sections = [...root.querySelectorAll<HTMLElement>("section.cell[data-cell-id]:not(.exercise-cell)")];
    this.#order = sections.map((el) => el.dataset.cellId!);
    this.cells = sections.map((el) => new CellView(el, this));
    this.#status = root.querySelector(".notebook-status");
    this.#edits = new EditSaver<CellView>(this.#store, chapter, (cell, reason) =>
      cell.notify(t(cellMsg.editNotSaved, this.lang, { reason: t(cellMsg.saveFailure, this.lang, { reason }) })));
    this.#wireBar(root);
    for (const cell of this.cells) this.#restoreEdit(cell);
    if (this.#store) {
      for (const cell of this.cells) {
        const values = loadControls(this.#store, chapter, cell.id);
        if (Object.keys(values).length) {
          this.#controlValues.set(cell.id, values);
          cell.setModified(true);
        }
      }
    }
    this.#startKernelEarly(root);
    // Save pending control values when the page goes away (edits: the EditSaver does the same).
    addEventListener("pagehide", () => {
      for (const id of [...this.#controlTimers.keys()]) this.#saveControls(id);
    });
  }

  /**
   * Starts the kernel (its frame, worker and transpiler) before the first Run,
   * so that click does not wait for it: as soon as a pointer moves over or
   * focus reaches a Run button, or else once the page is idle with a cell in
   * the viewport, or with one within a screen of it once the reader scrolls.
   * A reader of a long chapter's opening sections does not pay for a kernel
   * yet (on a phone, the frame alone is a long task), and one who scrolls
   * towards a cell finds it started.
   * A cell within a screen does not start it at load, before any scroll: a
   * phone's first screen holds little more than a heading and a paragraph,
   * so chapter 8's first cell, on its second screen at 412 px, started the
   * kernel during the page's load for every reader (Lighthouse's mobile run
   * counted 100-300 ms of blocking time for it, most of the page's). A cell
   * in view still starts it at idle, well before a finger reaches its Run (a
   * tap's pointerover starts it too); so the cold first Run that
   * bench/page.bench.ts measures, on a cell on its page's first screen, is
   * unchanged; and a reader who scrolls gets a screen's lead, as before.
   * Only the kernel starts: no cell runs without a click. Reaching for Run
   * also loads Plot, ahead of the first figure.
   */
  #startKernelEarly(root: Document): void {
    if (this.cells.length === 0) return;
    const RUN = '[data-action="run"], [data-notebook="run-all"]';
    const start = (): void => {
      if (!this.#host) void this.host.warm().catch(() => {}); // a failed start is reported by the first Run
    };
    const onIntent = (e: Event): void => {
      if (!(e.target instanceof Element && e.target.closest(RUN))) return;
      root.removeEventListener("pointerover", onIntent);
      root.removeEventListener("focusin", onIntent);
      start();
      preloadPlot(); // on intent only, not at idle: a reader who never runs anything never pays for it
    };
    root.addEventListener("pointerover", onIntent, { passive: true });
    root.addEventListener("focusin", onIntent);
    const whenIdle = (): void => {
      if (typeof requestIdleCallback === "function") requestIdleCallback(start, { timeout: 3000 });
      else setTimeout(start, 1000);
    };
    const whenNear = (): void => {
      if (typeof IntersectionObserver !== "function") return whenIdle();
      /** Cells' blocks within a screen of the viewport. */
      const near = new Set<Element>();
      let scrolled = false;
      const begin = (): void => {
        observer.disconnect();
        removeEventListener("scroll", onScroll);
        whenIdle();
      };
      const onScroll = (): void => {
        scrolled = true;
        if (near.size) begin();
      };
      const observer = new IntersectionObserver((entries) => {
        for (const e of entries) {
          if (e.isIntersecting) near.add(e.target);
          else near.delete(e.target);
        }
        const inView = entries.some((e) => e.isIntersecting && e.boundingClientRect.top < innerHeight && e.boundingClientRect.bottom > 0);
        if (inView || (scrolled && near.size)) begin();
      }, { rootMargin: "100% 0px" });
      addEventListener("scroll", onScroll, { passive: true });
      // The chapter's top-level block holding the cell: a block far down skips rendering, and its insides have no place to observe.
      for (const cell of this.cells) observer.observe(cell.root.closest("main.chapter > *") ?? cell.root);
    };
    if (document.readyState === "complete") whenNear();
    else addEventListener("load", whenNear, { once: true });
  }

  cellsAbove(cell: CellView): readonly CellView[] {
    return this.cells.slice(0, Math.max(0, this.cells.indexOf(cell)));
  }

  label(cellId: string): string {
    const i = this.#order.indexOf(cellId);
    return t(cellMsg.cellLabel, this.lang, { cell: i === -1 ? cellId : i + 1 });
  }

  get host(): KernelHost {
    if (!this.#host) {
      const host = createBrowserHost({ lang: this.lang });
      host.onReset((info) => this.#onReset(info));
      host.onUncaught((msg) => {
        const cell = this.cells.find((c) => c.id === msg.cellId);
        if (cell) cell.handle(msg);
        else this.#say(t(nbMsg.uncaught, this.lang, { name: msg.error.name, message: errorMessage(msg.error, this.lang) }), "warn");
      });
      this.#host = host;
    }
    return this.#host;
  }

  #isolationAsked = false;
  /**
   * Whether the kernel has a process of its own is measured (a short probe, `kernel-frame.ts`) once the reader has
   * run something, at idle: a page that only starts its kernel ahead of a click does not pay for it at load.
   */
  #askIsolation(): void {
    if (this.#isolationAsked) return;
    this.#isolationAsked = true;
    const ask = (): void => {
      void frameIsolation().then((isolated) => {
        if (this.#status) this.#status.dataset.kernelProcess = isolated ? "own" : "shared"; // for tests and diagnostics
        if (!isolated) this.#note(t(nbMsg.sharedProcess, this.lang));
      });
    };
    if (typeof requestIdleCallback === "function") requestIdleCallback(ask, { timeout: 2000 });
    else setTimeout(ask, 200);
  }

  run(cell: CellView, opts: { andNext?: boolean } = {}): void {
    void this.#runWithAbove(cell);
    if (opts.andNext) this.cells[this.cells.indexOf(cell) + 1]?.focus();
  }

  #runWithAbove(cell: CellView): Promise<void> {
    const i = this.cells.indexOf(cell);
    // Run on a cell that is already queued or running is ignored: one run, one set of outputs.
    if (cell.state === "queued" || cell.state === "running") return Promise.resolve();
    const before = this.cells.slice(0, i).filter((c) => !this.#ran.has(c.id) && c.state !== "queued" && c.state !== "running");
    return this.#runSequence([...before, cell]);
  }

  /**
   * Makes sure a cell's definitions are in scope (running it, and the cells
   * above it that have not run, unless it already ran since the last reset);
   * true when it finished without an error.
   */
  async ensureRan(cellId: string): Promise<boolean> {
    const cell = this.cells.find((c) => c.id === cellId);
    if (!cell) return false;
    const busy = () => cell.state === "queued" || cell.state === "running";
    if (!busy() && !(this.#ran.has(cell.id) && cell.state === "done")) await this.#runWithAbove(cell);
    while (busy()) await new Promise((r) => setTimeout(r, 50));
    return cell.state === "done";
  }

  /** The value of a name in the page's scope (`loss`, `curves.adam`, `xs[3]`) as the cell computed it, or the error. */
  async evaluate(path: string): Promise<RunOutcome> {
    return this.host.run({ cellId: `read-${path.replace(/[^\w-]/g, "-")}`, code: path, timeLimitMs: 5000 });
  }

  /** Runs every cell from the top, in order. */
  runAll(): void {
    void this.#runSequence(this.cells.filter((c) => c.state !== "queued" && c.state !== "running"));
  }

  stop(_cell?: CellView): void {
    this.#chain++; // queued cells of the current sequence will not start
    this.#again.clear();
    for (const c of this.cells) if (c.state === "queued") c.setState("skipped");
    this.#timersLive = false;
    // The stopped sequence will not clear its "running cell k of n" line itself (a warning said meanwhile stays).
    this.#showProgress("", 0, 1);
    this.#syncBar();
    if (this.#host) void this.#host.stop();
  }

  /**
   * A control moved. Light cells (last run under 120 ms, no long time limit)
   * re-run while the reader drags; heavy ones on release. A run of the same
   * cell in flight is stopped first (a release) or followed by one more run
   * with the latest values (a drag). Cells below that used this cell's names
   * are marked stale, not re-run.
   */
  controlChanged(cell: CellView, _label: string, _value: ControlValue, phase: ControlPhase): void {
    const view = cell.controls;
    if (!view) return;
    const values = Object.fromEntries(Object.entries(view.values).filter(([k]) => view.isChanged(k)));
    if (Object.keys(values).length) this.#controlValues.set(cell.id, values);
    else this.#controlValues.delete(cell.id);
    clearTimeout(this.#controlTimers.get(cell.id));
    this.#controlTimers.set(cell.id, setTimeout(() => this.#saveControls(cell.id), 300));
    cell.setModified(cell.code !== cell.original || view.changed);
    this.#markStaleBelow(cell);
    const heavy = cell.timeLimitMs !== undefined || cell.lastRunMs > 120;
    if (phase === "input" && heavy) return;
    const busy = cell.state === "running" || cell.state === "queued";
    const alreadySent = this.#sentControls.get(cell.id) === JSON.stringify(values);
    if (phase === "commit" && alreadySent && (busy || cell.state === "done")) return; // the release after a drag: that run is under way or done
    if (busy) {
      this.#again.add(cell.id);
      if (phase === "commit" && cell.state === "running" && this.#active === cell && heavy) void this.host.stop();
      return;
    }
    this.run(cell);
  }

  /** Marks cells below that ran and mention a name this cell declares. */
  #markStaleBelow(cell: CellView): void {
    const names = declaredNames(cell.code);
    if (names.length === 0) return;
    const uses = new RegExp(`\\b(?:${names.join("|")})\\b`);
    for (const c of this.cells.slice(this.cells.indexOf(cell) + 1)) {
      if (this.#ran.has(c.id) && c.state !== "running" && c.state !== "queued" && uses.test(c.code)) c.notifyStale(true);
    }
  }

  #saveControls(cellId: string): void {
    clearTimeout(this.#controlTimers.get(cellId));
    this.#controlTimers.delete(cellId);
    if (!this.#store) return;
    const result = saveControls(this.#store, this.chapter, cellId, this.#controlValues.get(cellId) ?? {});
    if (!result.ok) this.cells.find((c) => c.id === cellId)?.notify(t(cellMsg.controlsNotSaved, this.lang, { reason: t(cellMsg.saveFailure, this.lang, result) }));
  }

  async restart(): Promise<void> {
    this.stop();
    if (this.#host) await this.#host.reset();
  }

  codeChanged(cell: CellView, code: string): void {
    cell.setModified(code !== cell.original);
    if (this.#held.has(cell.id)) return; // shared code on show: not the reader's edit (cell-share.ts)
    this.#edits.changed(cell);
  }

  /** Cells whose code is not saved as the reader's edit while held (a shared link's code). */
  #held = new Set<string>();
  holdSaves(cell: CellView, hold: boolean): void {
    if (hold) {
      this.#held.add(cell.id);
      this.#edits.cancel(cell); // a pending save only: the reader's stored edit stays
    } else this.#held.delete(cell.id);
  }

  /** The reader's saved edit of a cell, or null. */
  savedEdit(cell: CellView): string | null {
    const saved = this.#edits.load(cell);
    return saved && saved.code !== cell.original ? saved.code : null;
  }

  /** A page-level message under the notebook bar. */
  announce(text: string): void {
    this.#say(text, "warn");
  }

  reset(cell: CellView): void {
    this.#edits.clear(cell);
    cell.notify(null);
    cell.setModified(false);
    const hadControls = this.#controlValues.has(cell.id) || !!cell.controls?.changed;
    this.#controlValues.delete(cell.id);
    this.#saveControls(cell.id);
    cell.controls?.resetAll();
    void cell.setCode(cell.original);
    // The output showed other inputs: show the defaults' output again.
    if (hadControls && cell.state === "done") this.run(cell);
  }

  async #runSequence(cells: CellView[]): Promise<void> {
    const chain = ++this.#chain;
    this.#say("");
    for (const c of cells) c.setState("queued");
    this.#syncBar();
    for (const [k, cell] of cells.entries()) {
      if (chain !== this.#chain) return;
      for (const rest of cells.slice(k + 1)) if (rest.state === "queued") rest.setState("queued", t(cellMsg.waitingFor, this.lang, { cell: this.label(cell.id) }));
      if (cells.length > 1) this.#showProgress(t(nbMsg.runningCell, this.lang, { cell: this.label(cell.id), k: k + 1, n: cells.length, id: cell.id }), k, cells.length);
      const outcome = await this.#runOne(cell);
      if (cells.length > 1 && chain === this.#chain) this.#showProgress(k + 1 === cells.length ? "" : null, k + 1, cells.length);
      if (outcome.status !== "ok" && chain === this.#chain) {
        // Later cells may depend on this one: do not run them on a broken scope.
        for (const rest of cells.slice(k + 1)) rest.setState("skipped", t(cellMsg.didNotFinish, this.lang, { cell: this.label(cell.id) }));
        return;
      }
    }
  }

  async #runOne(cell: CellView): Promise<RunOutcome> {
    this.#edits.flush(cell);
    cell.beginRun();
    this.#active = cell;
    const controls = this.#controlValues.get(cell.id);
    this.#sentControls.set(cell.id, JSON.stringify(controls ?? {}));
    this.#syncBar();
    const outcome = await this.host.run(
      { cellId: cell.id, code: cell.code, silent: cell.silent, timeLimitMs: cell.timeLimitMs, ...(controls ? { controls } : {}) },
      (e) => {
        // Output after the run ended comes from its timers (an interval still ticking): something still runs,
        // so Stop (which clears the page's timers) is offered until it is pressed.
        if (cell.state !== "running" && cell.state !== "queued" && !this.#timersLive) {
          this.#timersLive = true;
          this.#syncBar();
        }
        cell.handle(e);
      },
    );
    if (outcome.status === "ok" || outcome.status === "error" || outcome.status === "stopped") this.#ran.add(cell.id);
    cell.finish(outcome);
    this.#askIsolation();
    if (this.#active === cell) this.#active = null;
    this.#syncBar();
    // A control moved while this run was in flight: run once more with the latest values.
    if (this.#again.delete(cell.id)) setTimeout(() => this.run(cell), 0);
    return outcome;
  }

  #onReset(info: ResetInfo): void {
    // Only the page's own cells: components that call the kernel (the digit pad) run under ids of their own.
    const lost = (info.ranCells.length ? info.ranCells : [...this.#ran]).filter((id) => this.#order.includes(id));
    this.#ran.clear();
    this.#timersLive = false; // a new kernel has no timers
    // Their definitions are gone: "done" would claim a scope that no longer exists.
    for (const c of this.cells) if (c.state === "done" || c.state === "error" || c.state === "stopped") c.setState("skipped");
    const lang = this.lang;
    // A crash's detail is the host's sentence (already in the page's language), made the start of this one.
    const crash = info.detail ? `${info.detail[0].toUpperCase()}${info.detail.slice(1)}` : t(nbMsg.resetByCrash, lang);
    const why = { stop: t(nbMsg.resetByStop, lang), "time-limit": t(nbMsg.resetByTimeLimit, lang), crash, manual: t(nbMsg.resetByRestart, lang) }[info.reason];
    const which = lost.filter((id) => this.#order.includes(id)).map((id) => this.label(id));
    this.#say(which.length ? t(nbMsg.scopeResetRerun, lang, { why, cells: t(cellMsg.cellList, lang, { cells: which }) }) : t(nbMsg.scopeReset, lang, { why }), "warn");
  }

  #say(text: string, tone?: "warn"): void {
    if (!this.#status) return;
    this.#status.textContent = text;
    if (tone) this.#status.dataset.tone = tone;
    else delete this.#status.dataset.tone;
  }

  /** A lasting note under the notebook's status (not replaced by run messages). */
  #note(text: string): void {
    if (!this.#status) return;
    const note = document.createElement("span");
    note.className = "notebook-note";
    note.textContent = text;
    this.#status.after(note);
  }

  #restoreEdit(cell: CellView): void {
    const saved = this.#edits.load(cell);
    if (!saved || saved.code === cell.original) return;
    cell.setModified(true);
    void cell.setCode(saved.code);
    if (saved.stale) {
      cell.notify(t(cellMsg.staleEdit, this.lang), [
        { label: t(cellMsg.keepMine, this.lang), run: () => { this.#edits.save(cell); cell.notify(null); } },
        { label: t(cellMsg.useNewVersion, this.lang), run: () => this.reset(cell) },
      ]);
    }
  }

  #wireBar(root: Document): void {
    const btn = (name: string) => root.querySelector<HTMLButtonElement>(`[data-notebook="${name}"]`);
    const runAll = btn("run-all"), stop = btn("stop"), restart = btn("restart");
    if (!runAll || !stop || !restart || this.cells.length === 0) return;
    this.#bar = { runAll, stop, restart, progress: root.querySelector<HTMLProgressElement>(".notebook-progress") };
    runAll.addEventListener("click", () => this.runAll());
    stop.addEventListener("click", () => this.stop());
    restart.addEventListener("click", () => void this.restart().then(() => this.#syncBar()));
    this.#syncBar();
  }

  /**
   * Run all is always there; Stop only while something runs (a cell, or timers a finished cell left ticking);
   * Restart once there is a scope to forget.
   */
  #syncBar(): void {
    if (!this.#bar) return;
    const busy = this.cells.some((c) => c.state === "running" || c.state === "queued");
    if (!busy) this.#busySince = null;
    else this.#busySince ??= performance.now();
    // Stop is offered once the page has been busy for RUNNING_LOOK_MS, as a cell's own Stop is (cell-view.ts):
    // a run that ends within a frame or two does not flash it.
    const lasted = this.#busySince !== null ? performance.now() - this.#busySince : 0;
    this.#bar.runAll.disabled = false;
    this.#bar.stop.disabled = !this.#timersLive && !(busy && lasted >= RUNNING_LOOK_MS);
    this.#bar.restart.disabled = !busy && this.#ran.size === 0;
    if (busy && lasted < RUNNING_LOOK_MS && !this.#stopSoon) {
      this.#stopSoon = setTimeout(() => {
        this.#stopSoon = null;
        this.#syncBar();
      }, RUNNING_LOOK_MS - lasted);
    }
  }

  /** The sticky bar's "running cell k of n" line and bar; text null keeps the text, "" hides both. */
  #showProgress(text: string | null, done: number, total: number): void {
    // The end of a sequence clears its progress line, but not a warning said meanwhile (the scope was reset).
    if (text !== null && !(text === "" && this.#status?.dataset.tone === "warn")) this.#say(text);
    const bar = this.#bar?.progress;
    if (!bar) return;
    bar.hidden = text === "";
    bar.max = total;
    bar.value = done;
  }
}

/** Top-level names a cell's code declares (`const x`, `function f`, …), for marking cells below stale. */
function declaredNames(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^(?:export\s+)?(?:const|let|var|function\*?|async\s+function|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of code.matchAll(/^(?:export\s+)?(?:const|let|var)\s+[{[]([^=]*)[}\]]\s*=/gm)) {
    for (const part of m[1].split(",")) {
      const name = part.split(":").pop()?.split("=")[0]?.trim().replace(/^\.\.\./, "");
      if (name && /^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
    }
  }
  return [...names].map((n) => n.replace(/\$/g, "\\$"));
}

let started: Notebook | null = null;

/**
 * Starts the notebook on a chapter page (from the Cell component's script), or
 * returns the one already started: components that talk to the page's kernel
 * (the digit pad) share it.
 */
export function startNotebook(): Notebook | null {
  if (started) return started;
  const chapter = document.querySelector<HTMLElement>("[data-chapter]")?.dataset.chapter;
  if (!chapter || !document.querySelector("section.cell:not(.exercise-cell)")) return null;
  const nb = (started = new Notebook(document, chapter));
  installShare(nb);
  (window as unknown as { __notebook?: Notebook }).__notebook = nb; // for end-to-end tests
  return nb;
}

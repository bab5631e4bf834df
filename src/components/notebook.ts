/**
 * The page's notebook: every cell on the page, one kernel (a Web Worker) they
 * share, saved edits, and the page-level Run all / Stop / Restart. Cells run
 * one at a time in the order asked; running a cell first runs the cells above
 * it that have not run since the scope was last reset, so a reader can start
 * anywhere.
 */
import type { KernelHost, ResetInfo, RunOutcome } from "../runtime/host.ts";
import { createBrowserHost, frameIsolation } from "../runtime/browser.ts";
import { clearEdit, loadEdit, saveEdit } from "../runtime/storage.ts";
import { CellView, type CellHost } from "./cell-view.ts";
import { pageStorage } from "./local-storage.ts";


export class Notebook implements CellHost {
  readonly chapter: string;
  readonly cells: CellView[];
  /** Cell ids in page order (known before the cell views exist, for labels). */
  #order: string[];
  #host: KernelHost | null = null;
  /** Cells whose definitions are in the current scope. */
  #ran = new Set<string>();
  #active: CellView | null = null;
  #chain = 0;
  #store = pageStorage();
  #status: HTMLElement | null;
  #saveTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(root: Document, chapter: string) {
    this.chapter = chapter;
    const sections = [...root.querySelectorAll<HTMLElement>("section.cell[data-cell-id]:not(.exercise-cell)")];
    this.#order = sections.map((el) => el.dataset.cellId!);
    this.cells = sections.map((el) => new CellView(el, this));
    this.#status = root.querySelector(".notebook-status");
    this.#wireBar(root);
    for (const cell of this.cells) this.#restoreEdit(cell);
    // Save pending edits when the page goes away (the debounce may not have fired).
    addEventListener("pagehide", () => this.#flushSaves());
  }

  cellsAbove(cell: CellView): readonly CellView[] {
    return this.cells.slice(0, Math.max(0, this.cells.indexOf(cell)));
  }

  label(cellId: string): string {
    const i = this.#order.indexOf(cellId);
    return i === -1 ? `cell ${cellId}` : `cell ${i + 1}`;
  }

  get host(): KernelHost {
    if (!this.#host) {
      const host = createBrowserHost();
      host.onReset((info) => this.#onReset(info));
      host.onUncaught((msg) => {
        const cell = this.cells.find((c) => c.id === msg.cellId);
        if (cell) cell.handle(msg);
        else this.#say(`Uncaught ${msg.error.name}: ${msg.error.message}`, "warn");
      });
      this.#host = host;
      void frameIsolation().then((isolated) => {
        if (this.#status) this.#status.dataset.kernelProcess = isolated ? "own" : "shared"; // for tests and diagnostics
        if (!isolated) this.#note("This browser runs cells in the page's own process: a cell that runs out of memory can close the tab.");
      });
    }
    return this.#host;
  }

  run(cell: CellView, opts: { andNext?: boolean } = {}): void {
    const i = this.cells.indexOf(cell);
    // Run on a cell that is already queued or running is ignored: one run, one set of outputs.
    if (cell.state === "queued" || cell.state === "running") {
      if (opts.andNext) this.cells[i + 1]?.focus();
      return;
    }
    const before = this.cells.slice(0, i).filter((c) => !this.#ran.has(c.id) && c.state !== "queued" && c.state !== "running");
    void this.#runSequence([...before, cell]);
    if (opts.andNext) this.cells[i + 1]?.focus();
  }

  /** Runs every cell from the top, in order. */
  runAll(): void {
    void this.#runSequence(this.cells.filter((c) => c.state !== "queued" && c.state !== "running"));
  }

  stop(_cell?: CellView): void {
    this.#chain++; // queued cells of the current sequence will not start
    for (const c of this.cells) if (c.state === "queued") c.setState("skipped");
    if (this.#host) void this.#host.stop();
  }

  async restart(): Promise<void> {
    this.stop();
    if (this.#host) await this.#host.reset();
  }

  codeChanged(cell: CellView, code: string): void {
    cell.setModified(code !== cell.original);
    clearTimeout(this.#saveTimers.get(cell.id));
    this.#saveTimers.set(cell.id, setTimeout(() => this.#save(cell), 300));
  }

  reset(cell: CellView): void {
    clearTimeout(this.#saveTimers.get(cell.id));
    this.#saveTimers.delete(cell.id);
    if (this.#store) clearEdit(this.#store, this.chapter, cell.id);
    cell.notify(null);
    cell.setModified(false);
    void cell.setCode(cell.original);
  }

  async #runSequence(cells: CellView[]): Promise<void> {
    const chain = ++this.#chain;
    for (const c of cells) c.setState("queued");
    for (const [k, cell] of cells.entries()) {
      if (chain !== this.#chain) return;
      const outcome = await this.#runOne(cell);
      if (outcome.status !== "ok" && chain === this.#chain) {
        // Later cells may depend on this one: do not run them on a broken scope.
        for (const rest of cells.slice(k + 1)) rest.setState("skipped", `(${this.label(cell.id)} did not finish)`);
        return;
      }
    }
  }

  async #runOne(cell: CellView): Promise<RunOutcome> {
    this.#flushSave(cell);
    cell.beginRun();
    this.#active = cell;
    this.#say("");
    const outcome = await this.host.run(
      { cellId: cell.id, code: cell.code, silent: cell.silent, timeLimitMs: cell.timeLimitMs },
      (e) => cell.handle(e),
    );
    if (outcome.status === "ok" || outcome.status === "error" || outcome.status === "stopped") this.#ran.add(cell.id);
    cell.finish(outcome);
    if (this.#active === cell) this.#active = null;
    return outcome;
  }

  #onReset(info: ResetInfo): void {
    // Only the page's own cells: components that call the kernel (the digit pad) run under ids of their own.
    const lost = (info.ranCells.length ? info.ranCells : [...this.#ran]).filter((id) => this.#order.includes(id));
    this.#ran.clear();
    const crash = info.detail ? `${info.detail[0].toUpperCase()}${info.detail.slice(1)}` : "The worker crashed and was restarted";
    const why = { stop: "Stop had to restart the worker", "time-limit": "A cell hit its time limit, so the worker was restarted", crash, manual: "The notebook was restarted" }[info.reason];
    const which = lost.map((id) => this.label(id)).join(", ");
    this.#say(`${why}: the shared scope was reset.${which ? ` Re-run ${which} (Run on any cell re-runs the cells above it).` : ""}`, "warn");
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
    if (!this.#store) return;
    const saved = loadEdit(this.#store, this.chapter, cell.id, cell.original);
    if (!saved || saved.code === cell.original) return;
    cell.setModified(true);
    void cell.setCode(saved.code);
    if (saved.stale) {
      cell.notify("The course has changed this cell since you edited it. Your version is shown.", [
        { label: "Keep mine", run: () => { this.#save(cell); cell.notify(null); } },
        { label: "Use the new version", run: () => this.reset(cell) },
      ]);
    }
  }

  #save(cell: CellView): void {
    this.#saveTimers.delete(cell.id);
    if (!this.#store) return;
    if (cell.code === cell.original) {
      clearEdit(this.#store, this.chapter, cell.id);
      return;
    }
    const result = saveEdit(this.#store, this.chapter, cell.id, cell.code, cell.original);
    if (!result.ok) cell.notify(`Your edit could not be saved on this device (${result.reason}). Copy it somewhere safe before leaving the page.`);
  }

  #flushSave(cell: CellView): void {
    if (this.#saveTimers.has(cell.id)) {
      clearTimeout(this.#saveTimers.get(cell.id));
      this.#save(cell);
    }
  }

  #flushSaves(): void {
    for (const cell of this.cells) this.#flushSave(cell);
  }

  #wireBar(root: Document): void {
    const btn = (name: string) => root.querySelector<HTMLButtonElement>(`[data-notebook="${name}"]`);
    const runAll = btn("run-all"), stop = btn("stop"), restart = btn("restart");
    if (!runAll || !stop || !restart || this.cells.length === 0) return;
    runAll.disabled = stop.disabled = restart.disabled = false;
    runAll.addEventListener("click", () => this.runAll());
    stop.addEventListener("click", () => this.stop());
    restart.addEventListener("click", () => void this.restart());
  }
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
  const nb = new Notebook(document, chapter);
  (window as unknown as { __notebook?: Notebook }).__notebook = nb; // for end-to-end tests
  started = nb;
  return nb;
}

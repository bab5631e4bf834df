/**
 * Saving a reader's edits to cells on this device: one debounce per cell,
 * flushed before a run and when the page goes away (`pagehide`: the debounce
 * may not have fired), cleared on Reset, and an edit equal to the original is
 * not kept. The notebook's cells and the exercises' cells both save through
 * this, so they cannot drift apart. What a failure says is the caller's
 * (`onFailure`): the words differ between a cell and an answer.
 */
import { clearEdit, loadEdit, saveEdit, type LoadedEdit, type SaveResult, type StorageLike } from "../runtime/storage.ts";

/** Why storage refused an edit. */
export type SaveFailure = Extract<SaveResult, { ok: false }>["reason"];

/** What the saver needs from a cell. */
export interface EditableCell {
  readonly id: string;
  readonly code: string;
  readonly original: string;
}

/** Debounce of saving after the last keystroke. */
const SAVE_DELAY_MS = 300;

export class EditSaver<C extends EditableCell> {
  #store: StorageLike | null;
  #chapter: string;
  #onFailure: (cell: C, reason: SaveFailure) => void;
  #timers = new Map<string, { cell: C; timer: ReturnType<typeof setTimeout> }>();

  /**
   * @param chapter the storage key's chapter part (per edition where the code differs).
   * @param onFailure told when an edit could not be saved (quota, storage unavailable…).
   */
  constructor(store: StorageLike | null, chapter: string, onFailure: (cell: C, reason: SaveFailure) => void) {
    this.#store = store;
    this.#chapter = chapter;
    this.#onFailure = onFailure;
    if (typeof addEventListener === "function") addEventListener("pagehide", () => this.flushAll());
  }

  /** The saved edit of a cell, if any (null without storage). */
  load(cell: C): LoadedEdit | null {
    return this.#store ? loadEdit(this.#store, this.#chapter, cell.id, cell.original) : null;
  }

  /** The cell's code changed: save it after the debounce. */
  changed(cell: C): void {
    clearTimeout(this.#timers.get(cell.id)?.timer);
    this.#timers.set(cell.id, { cell, timer: setTimeout(() => this.save(cell), SAVE_DELAY_MS) });
  }

  /** Saves now (or forgets the edit when the code is the original again). */
  save(cell: C): void {
    clearTimeout(this.#timers.get(cell.id)?.timer);
    this.#timers.delete(cell.id);
    if (!this.#store) return;
    if (cell.code === cell.original) return clearEdit(this.#store, this.#chapter, cell.id);
    const r = saveEdit(this.#store, this.#chapter, cell.id, cell.code, cell.original);
    if (!r.ok) this.#onFailure(cell, r.reason);
  }

  /** Saves a pending edit of this cell now (before it runs). */
  flush(cell: C): void {
    if (this.#timers.has(cell.id)) this.save(cell);
  }

  /** Saves every pending edit now. */
  flushAll(): void {
    for (const { cell } of [...this.#timers.values()]) this.save(cell);
  }

  /** Drops a pending save of this cell without touching what is stored (shared code shown over the reader's edit). */
  cancel(cell: C): void {
    clearTimeout(this.#timers.get(cell.id)?.timer);
    this.#timers.delete(cell.id);
  }

  /** Forgets the cell's edit (Reset). */
  clear(cell: C): void {
    this.cancel(cell);
    if (this.#store) clearEdit(this.#store, this.#chapter, cell.id);
  }
}

/** EditSaver: the one way the notebook's cells and the exercises save a reader's edits. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { EditSaver } from "../../src/components/edit-saver.ts";
import { loadEdit, type StorageLike } from "../../src/runtime/storage.ts";

function memory(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe("EditSaver", () => {
  const listeners: Record<string, (() => void)[]> = {};
  vi.stubGlobal("addEventListener", (type: string, f: () => void) => (listeners[type] ??= []).push(f));
  afterEach(() => vi.useRealTimers());

  it("saves after the debounce, and a pending edit when the page goes away", () => {
    vi.useFakeTimers();
    const store = memory();
    const saver = new EditSaver(store, "ch", () => {});
    const cell = { id: "exercise-x", code: "mine", original: "starter" };
    saver.changed(cell);
    expect(loadEdit(store, "ch", cell.id, cell.original)).toBeNull();
    for (const f of listeners.pagehide ?? []) f(); // the page unloads before the debounce fires
    expect(loadEdit(store, "ch", cell.id, cell.original)?.code).toBe("mine");
    const other = { id: "c2", code: "edit", original: "o" };
    saver.changed(other);
    vi.advanceTimersByTime(400);
    expect(loadEdit(store, "ch", "c2", "o")?.code).toBe("edit");
  });

  it("forgets an edit equal to the original, and on clear; reports a failure", () => {
    const store = memory();
    const failures: string[] = [];
    const saver = new EditSaver(store, "ch", (c, reason) => failures.push(`${c.id}: ${reason}`));
    const cell = { id: "a", code: "x", original: "o" };
    saver.save(cell);
    expect(saver.load(cell)?.code).toBe("x");
    saver.save({ ...cell, code: "o" });
    expect(saver.load(cell)).toBeNull();
    saver.save(cell);
    saver.clear(cell);
    expect(store.map.size).toBe(0);
    const full = { ...memory(), setItem: () => { throw Object.assign(new Error("full"), { name: "QuotaExceededError" }); } };
    new EditSaver(full, "ch", (c, reason) => failures.push(`${c.id}: ${reason}`)).save(cell);
    expect(failures).toEqual(["a: quota"]);
  });
});

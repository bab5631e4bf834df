import { describe, expect, it } from "vitest";
import { exportWork, importWork } from "../../src/components/work-file.ts";
import { recordAttempt, exerciseState, loadProgress } from "../../src/components/progress.ts";
import { editKey, loadEdit, saveEdit, saveControls, loadControls } from "../../src/runtime/storage.ts";

class MemoryStore {
  data = new Map<string, string>();
  get length() { return this.data.size; }
  key(i: number) { return [...this.data.keys()][i] ?? null; }
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

const ORIGINAL = "const z = [-2, 0, 2];";

describe("exportWork / importWork", () => {
  it("carries exercise progress, cell edits and control settings to another device", () => {
    const a = new MemoryStore();
    recordAttempt(a, "00-how-this-notebook-works/square-derivative", true, 7, 100);
    saveEdit(a, "backpropagation", "first-cell", "const z = [1];", ORIGINAL, 200);
    saveControls(a, "backpropagation", "demo", { "weight w": 2 });
    a.setItem("unrelated", "kept out");
    const file = exportWork(a);
    expect(file).not.toContain("kept out");

    const b = new MemoryStore();
    const r = importWork(b, file);
    expect(r).toEqual({ exercises: 1, edits: 1, keptMine: 0, saved: { ok: true } });
    expect(exerciseState(loadProgress(b), "00-how-this-notebook-works/square-derivative")).toBe("passed");
    expect(loadEdit(b, "backpropagation", "first-cell", ORIGINAL)).toEqual({ code: "const z = [1];", stale: false, savedAt: 200 });
    expect(loadControls(b, "backpropagation", "demo")).toEqual({ "weight w": 2 });
  });

  it("keeps this device's edit when it was saved after the imported one", () => {
    const a = new MemoryStore();
    saveEdit(a, "ch", "c1", "from the file", ORIGINAL, 100);
    saveEdit(a, "ch", "c2", "older here, newer in the file", ORIGINAL, 300);
    const b = new MemoryStore();
    saveEdit(b, "ch", "c1", "mine, later", ORIGINAL, 200);
    saveEdit(b, "ch", "c2", "mine, earlier", ORIGINAL, 250);
    const r = importWork(b, exportWork(a));
    expect(r.edits).toBe(1);
    expect(r.keptMine).toBe(1);
    expect(loadEdit(b, "ch", "c1", ORIGINAL)?.code).toBe("mine, later");
    expect(loadEdit(b, "ch", "c2", ORIGINAL)?.code).toBe("older here, newer in the file");
  });

  it("imports a plain progress file (no edits) and rejects malformed edits and foreign files", () => {
    const b = new MemoryStore();
    const plain = JSON.stringify({ v: 1, kind: "how-networks-learn-progress", exercises: {} });
    expect(importWork(b, plain).edits).toBe(0);
    const bad = JSON.stringify({
      v: 1, kind: "how-networks-learn-progress", exercises: {},
      edits: { [editKey("ch", "c")]: { v: 1, code: 42, baseHash: "x", savedAt: 1 }, "hnl:progress:v1": { v: 1, code: "x", baseHash: "x", savedAt: 1 } },
    });
    expect(importWork(b, bad).edits).toBe(0);
    expect(b.data.size).toBe(1); // only the (empty) progress record
    expect(() => importWork(b, "{\"hello\": 1}")).toThrow(/not a How Networks Learn progress file/);
  });
});

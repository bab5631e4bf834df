import { describe, expect, it } from "vitest";
import { exerciseState, exportProgress, importProgress, loadProgress, parseProgress, recordAttempt, resetProgress } from "../../src/components/progress.ts";

class MemoryStore {
  data = new Map<string, string>();
  full = false;
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) {
    if (this.full) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
    this.data.set(k, v);
  }
  removeItem(k: string) { this.data.delete(k); }
}

describe("recordAttempt(store, key, passed, seed)", () => {
  it("moves not tried → tried → passed and never back", () => {
    const s = new MemoryStore();
    expect(exerciseState(loadProgress(s), "ch/ex")).toBe("not-tried");
    recordAttempt(s, "ch/ex", false, 1, 10);
    expect(exerciseState(loadProgress(s), "ch/ex")).toBe("tried");
    recordAttempt(s, "ch/ex", true, 2, 20);
    recordAttempt(s, "ch/ex", false, 3, 30);
    const e = loadProgress(s).exercises["ch/ex"];
    expect(e).toEqual({ state: "passed", attempts: 3, lastSeed: 3, passedAt: 20, updatedAt: 30 });
  });
  it("reports a full quota instead of throwing", () => {
    const s = new MemoryStore();
    s.full = true;
    expect(recordAttempt(s, "ch/ex", true, 1).saved).toEqual({ ok: false, code: "full", reason: "storage is full" });
  });
});

describe("parseProgress(text)", () => {
  it("ignores corrupt or foreign data", () => {
    expect(parseProgress("{not json")).toBeNull();
    expect(parseProgress(JSON.stringify({ v: 2, kind: "how-networks-learn-progress", exercises: {} }))).toBeNull();
    expect(parseProgress(JSON.stringify({ some: "other app" }))).toBeNull();
    const s = new MemoryStore();
    s.setItem("hnl:progress:v1", "garbage");
    expect(loadProgress(s).exercises).toEqual({});
  });
  it("drops malformed entries and keeps good ones", () => {
    const p = parseProgress(JSON.stringify({
      v: 1, kind: "how-networks-learn-progress",
      exercises: { "a/b": { state: "passed", attempts: 1, lastSeed: 5, updatedAt: 1, passedAt: 1 }, "a/c": { state: "won" }, "bad key": {} },
    }));
    expect(Object.keys(p!.exercises)).toEqual(["a/b"]);
  });
});

describe("exportProgress / importProgress / resetProgress", () => {
  it("round-trips through a file and merges passes", () => {
    const a = new MemoryStore(), b = new MemoryStore();
    recordAttempt(a, "ch/one", true, 1, 10);
    recordAttempt(b, "ch/one", false, 2, 5);
    recordAttempt(b, "ch/two", false, 3, 6);
    expect(importProgress(b, exportProgress(a)).imported).toBe(1);
    expect(loadProgress(b).exercises["ch/one"]).toMatchObject({ state: "passed", attempts: 2, passedAt: 10 });
    expect(exerciseState(loadProgress(b), "ch/two")).toBe("tried");
    resetProgress(b);
    expect(loadProgress(b).exercises).toEqual({});
  });
  it("rejects a file that is not a progress file, saying what it expected", () => {
    expect(() => importProgress(new MemoryStore(), "[1,2,3]")).toThrow(/not a How Networks Learn progress file/);
  });
});

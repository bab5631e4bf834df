/** loadEdit / saveEdit / clearEdit over a Storage-like object; hashCode. */
import { describe, expect, it } from "vitest";
import { clearEdit, editKey, hashCode, loadEdit, saveEdit, type StorageLike } from "../../src/runtime/storage.ts";

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  quota = Infinity;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map.entries()].filter(([key]) => key !== k).reduce((s, [a, b]) => s + a.length + b.length, 0);
    if (used + k.length + v.length > this.quota) {
      const e = new Error("quota");
      e.name = "QuotaExceededError";
      throw e;
    }
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe("hashCode(text)", () => {
  it("is FNV-1a 32-bit as hex", () => {
    expect(hashCode("")).toBe("811c9dc5");
    expect(hashCode("a")).toBe("e40c292c");
    expect(hashCode("foobar")).toBe("bf9cf968");
  });
});

describe("saveEdit / loadEdit", () => {
  it("round-trips a versioned record keyed by chapter and cell", () => {
    const s = new MemoryStorage();
    expect(saveEdit(s, "ch1", "cell-2", "edited", "original", 1234)).toEqual({ ok: true });
    expect(JSON.parse(s.getItem(editKey("ch1", "cell-2")) as string)).toEqual({ v: 1, code: "edited", baseHash: hashCode("original"), savedAt: 1234 });
    expect(loadEdit(s, "ch1", "cell-2", "original")).toEqual({ code: "edited", stale: false, savedAt: 1234 });
    expect(loadEdit(s, "ch2", "cell-2", "original")).toBeNull();
  });

  it("is stale when the course's original code changed", () => {
    const s = new MemoryStorage();
    saveEdit(s, "c", "x", "mine", "v1");
    expect(loadEdit(s, "c", "x", "v2")?.stale).toBe(true);
  });

  it("ignores corrupt JSON, foreign shapes and other versions", () => {
    const s = new MemoryStorage();
    const key = editKey("c", "x");
    for (const raw of ["{not json", "null", "42", '"str"', "[]", '{"v":2,"code":"a","baseHash":"b","savedAt":1}', '{"v":1,"code":5,"baseHash":"b","savedAt":1}', '{"v":1,"code":"a"}']) {
      s.map.set(key, raw);
      expect(loadEdit(s, "c", "x", "o")).toBeNull();
    }
  });

  it("reports a full quota instead of throwing", () => {
    const s = new MemoryStorage();
    s.quota = 50;
    expect(saveEdit(s, "c", "x", "y".repeat(100), "o")).toEqual({ ok: false, reason: "quota" });
  });

  it("reports unavailable storage (e.g. disabled) and never throws on read", () => {
    const broken: StorageLike = {
      getItem() { throw new Error("SecurityError") },
      setItem() { throw new Error("SecurityError") },
      removeItem() { throw new Error("SecurityError") },
    };
    expect(saveEdit(broken, "c", "x", "a", "o")).toEqual({ ok: false, reason: "unavailable" });
    expect(loadEdit(broken, "c", "x", "o")).toBeNull();
    expect(() => clearEdit(broken, "c", "x")).not.toThrow();
  });

  it("clearEdit removes the record; keys escape odd ids", () => {
    const s = new MemoryStorage();
    saveEdit(s, "a:b", "c/d", "x", "o");
    expect(editKey("a:b", "c/d")).toBe("hnl:edit:v1:a%3Ab:c%2Fd");
    clearEdit(s, "a:b", "c/d");
    expect(s.map.size).toBe(0);
  });
});

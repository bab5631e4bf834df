/**
 * Hostile cells against the kernel in-process (node:vm context as the global
 * object): every text that leaves the kernel is capped, `const` stays
 * read-only between runs, and the Stop message ends every timer cells left.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { setYieldHook, cooperate } from "../../src/nn/cooperate.ts";
import { Matrix } from "../../src/nn/matrix.ts";
import { createKernel } from "../../src/runtime/kernel.ts";
import type { WorkerToHost } from "../../src/runtime/protocol.ts";
import { TEXT_CAPS } from "../../src/runtime/text-cap.ts";

function harness() {
  const ctx = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, performance, queueMicrotask });
  const global = vm.runInContext("globalThis", ctx) as typeof globalThis;
  const sent: WorkerToHost[] = [];
  const kernel = createKernel({ global, post: (m) => sent.push(structuredClone(m)), nn: { Matrix, cooperate }, setYieldHook, evaluate: (code) => vm.runInContext(code, ctx) });
  let next = 1;
  const run = async (cellId: string, code: string) => {
    const runId = next++;
    kernel.handle({ type: "run", runId, cellId, code });
    for (const t0 = Date.now(); Date.now() - t0 < 5000; await new Promise((r) => setTimeout(r, 5))) {
      if (sent.some((m) => m.type === "done" && m.runId === runId)) return { runId, mine: sent.filter((m) => m.runId === runId) };
    }
    throw new Error("timed out");
  };
  return { kernel, sent, run, global };
}

/** The longest string anywhere in a message (keys included). */
function longest(v: unknown): number {
  if (typeof v === "string") return v.length;
  if (!v || typeof v !== "object") return 0;
  return Math.max(0, ...Object.entries(v).map(([k, x]) => Math.max(k.length, longest(x))));
}

describe("text caps: nothing bigger than TEXT_CAPS leaves the kernel", () => {
  const big = "x".repeat(2_000_000);
  const cases: [string, string][] = [
    ["an Error's message and stack (thrown)", `throw new Error(${JSON.stringify(big.slice(0, 500_000))} + "y".repeat(1_500_000))`],
    ["an Error's message (displayed)", `display(new Error("m".repeat(2e6)))`],
    ["a RegExp source", `new RegExp("a".repeat(2e6))`],
    ["object keys", `({ ["k".repeat(2e6)]: 1, ["j".repeat(2e6)]: 2 })`],
    ["a symbol description", `Symbol("s".repeat(2e6))`],
    ["a function name", `const f = { ["f".repeat(2e6)]: () => 1 }["f".repeat(2e6)]; f`],
    ["BigInt digits", `10n ** 200000n`],
    ["a thrown non-Error", `throw { ["t".repeat(2e6)]: 1 }`],
    ["log arguments", `console.log("l".repeat(2e6), new Error("e".repeat(2e6)))`],
    ["a progress label", `progress({ done: 1, total: 2, label: "p".repeat(2e6) })`],
    ["a display id", `display(1, { id: "d".repeat(2e6) })`],
  ];
  it.each(cases)("%s", async (_name, code) => {
    const { run } = harness();
    const { mine } = await run("hostile", code);
    expect(mine.length).toBeGreaterThan(1);
    for (const m of mine) {
      expect(longest(m)).toBeLessThanOrEqual(TEXT_CAPS.maxString + 40);
      expect(JSON.stringify(m).length).toBeLessThan(TEXT_CAPS.maxTotal + 10_000);
    }
    expect(JSON.stringify(mine)).toMatch(/more characters/);
  });
});

describe("const in the shared scope", () => {
  it("is read-only after its statement, in the same cell and in others", async () => {
    const { run } = harness();
    const a = await run("a", "const j = 1;\nj = 2");
    expect(a.mine.find((m) => m.type === "error")).toMatchObject({ error: { name: "TypeError", message: expect.stringMatching(/read.only/) } });
    await run("a2", "const k = 1");
    const b = await run("b", "k = 5");
    expect(b.mine.find((m) => m.type === "error")).toMatchObject({ error: { name: "TypeError" } });
    const c = await run("c", "k");
    expect(c.mine.find((m) => m.type === "result")).toMatchObject({ value: { kind: "number", value: 1 } });
  });

  it("re-running a cell (or another cell declaring the name) redefines it; let and var stay writable", async () => {
    const { run } = harness();
    await run("a", "const { p, q: [r] } = { p: 1, q: [2] }\nlet m = 1\nvar v = 1");
    const again = await run("a", "const { p, q: [r] } = { p: 10, q: [20] }\np + r");
    expect(again.mine.find((m) => m.type === "result")).toMatchObject({ value: { kind: "number", value: 30 } });
    const other = await run("b", "const p = 100; m = 2; v = 2; p + m + v");
    expect(other.mine.find((m) => m.type === "result")).toMatchObject({ value: { kind: "number", value: 104 } });
    const stillFrozen = await run("c", "r = 0");
    expect(stillFrozen.mine.find((m) => m.type === "error")).toBeDefined();
  });
});

describe("clear-timers (Stop)", () => {
  it("ends intervals of cells that already finished", async () => {
    const { kernel, run, sent } = harness();
    const a = await run("a", "setInterval(() => console.log('tick'), 5)");
    await new Promise((r) => setTimeout(r, 40));
    kernel.handle({ type: "clear-timers", runId: 0 });
    const count = () => sent.filter((m) => m.type === "log" && m.runId === a.runId).length;
    const before = count();
    await new Promise((r) => setTimeout(r, 60));
    expect(before).toBeGreaterThan(0);
    expect(count()).toBe(before);
  });
});

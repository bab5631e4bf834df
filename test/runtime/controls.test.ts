/**
 * Controls declared in cells: the shared rules (controls.ts) and the cell
 * globals in a kernel (defaults headless, the page's values when they fit).
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { cooperate, setYieldHook } from "../../src/nn/cooperate.ts";
import { acceptValue, checkControl, formatControlValue, formatTick, sliderPosition, sliderValue, snapNumber, type ControlSpec } from "../../src/runtime/controls.ts";
import { createKernel } from "../../src/runtime/kernel.ts";
import type { ControlMessage, WorkerToHost } from "../../src/runtime/protocol.ts";

function kernel() {
  const ctx = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, performance, queueMicrotask });
  const global = vm.runInContext("globalThis", ctx) as typeof globalThis;
  const sent: WorkerToHost[] = [];
  const k = createKernel({ global, post: (m) => sent.push(structuredClone(m)), nn: { cooperate }, setYieldHook, evaluate: (code) => vm.runInContext(code, ctx) });
  let next = 1;
  const run = async (code: string, controls?: Record<string, number | string | boolean>) => {
    const runId = next++;
    k.handle({ type: "run", runId, cellId: "c", code, ...(controls ? { controls } : {}) });
    for (let t = 0; t < 500 && !sent.some((m) => m.type === "done" && m.runId === runId); t++) await new Promise((r) => setTimeout(r, 5));
    const mine = sent.filter((m) => m.runId === runId);
    const result = mine.find((m) => m.type === "result");
    const error = mine.find((m) => m.type === "error");
    return {
      controls: mine.filter((m): m is ControlMessage => m.type === "control").map((m) => m.control),
      result: result?.type === "result" ? result.value : undefined,
      error: error?.type === "error" ? error.error.message : undefined,
    };
  };
  return { run };
}

const LR = 'slider("learning rate", { min: 1e-3, max: 1, value: 0.1, scale: "log" })';

describe("slider / select / checkbox / number / button in a cell", () => {
  it("returns each control's default when the page sends no values (headless runs)", async () => {
    const { run } = kernel();
    const r = await run(`[${LR}, select("act", ["tanh", "relu"]), checkbox("show", true), number("steps", { value: 5 }), button("again")]`);
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ kind: "array" });
    expect(r.controls.map((c) => [c.kind, c.label, c.value])).toEqual([
      ["slider", "learning rate", 0.1], ["select", "act", "tanh"], ["checkbox", "show", true], ["number", "steps", 5], ["button", "again", 0],
    ]);
  });

  it("returns the page's value when it fits the control, the default when it does not", async () => {
    const { run } = kernel();
    const ok = await run(`[${LR}, select("act", ["tanh", "relu"])]`, { "learning rate": 0.5, act: "relu" });
    expect(ok.controls.map((c) => c.value)).toEqual([0.5, "relu"]);
    const bad = await run(`[${LR}, select("act", ["tanh", "relu"])]`, { "learning rate": 7, act: "sigmoid" });
    expect(bad.controls.map((c) => c.value)).toEqual([0.1, "tanh"]);
  });

  it("rejects bad declarations with errors that name the bad value", async () => {
    const { run } = kernel();
    expect((await run('slider("x", { min: 1, max: 0 })')).error).toBe("slider: min must be below max, got min 1 and max 0");
    expect((await run('slider("x", { min: 0, max: 1, scale: "log" })')).error).toBe("slider: a log scale needs min > 0, got 0");
    expect((await run('select("a", ["p", "q"], { value: "r" })')).error).toBe('select: value "r" is not one of the options');
    expect((await run('slider("x", { min: 0, max: 1 }); slider("x", { min: 0, max: 2 })')).error).toBe('slider: the cell already has a control labelled "x"');
    const late = await run('await new Promise((r) => setTimeout(() => { try { checkbox("late"); r("declared") } catch (e) { r(e.message) } }, 0))');
    expect(late.result).toEqual({ kind: "string", value: "checkbox: declare controls while the cell runs (not in a timer or a callback)" });
  });
});

describe("controls.ts", () => {
  const log: ControlSpec = { kind: "slider", label: "lr", min: 1e-3, max: 1, step: null, scale: "log", value: 0.1, default: 0.1 };
  it("formatTick writes 0.4 and 1e-15, never SI prefixes", () => {
    expect([0.4, 1e-15, 0.001, 250000, 2.5e8, -3e-7, 0].map(formatTick)).toEqual(["0.4", "1e-15", "0.001", "250000", "2.5e8", "-3e-7", "0"]);
    expect(formatControlValue(0.1 + 0.2)).toBe("0.3");
  });
  it("log sliders map positions geometrically and round trip", () => {
    expect(sliderValue(log, 0.5)).toBeCloseTo(Math.sqrt(1e-3), 4);
    expect(sliderPosition(log, sliderValue(log, 0.25))).toBeCloseTo(0.25, 2);
    expect(snapNumber({ min: -4, max: 4, step: 0.1 }, 0.30000000000000004)).toBe(0.3);
  });
  it("acceptValue keeps only values that fit; checkControl clamps what the worker sent", () => {
    expect(acceptValue(log, 0.5)).toBe(0.5);
    expect(acceptValue(log, "0.5")).toBe(0.1);
    expect(acceptValue(log, Number.NaN)).toBe(0.1);
    expect(checkControl({ kind: "slider", label: "x", min: 0, max: -1, default: 0 })).toBeNull();
    expect(checkControl({ kind: "select", label: "a".repeat(500), options: ["p"], default: "p", value: "zz" })).toMatchObject({ label: "a".repeat(80), value: "p" });
    expect(checkControl({ kind: "script", label: "x" })).toBeNull();
  });
});

/**
 * createKernel(env) in-process, on a node:vm context as the global object:
 * the raw message protocol without a host in between.
 */
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { setYieldHook, cooperate } from "../../src/nn/cooperate.ts";
import { Matrix } from "../../src/nn/matrix.ts";
import { createKernel } from "../../src/runtime/kernel.ts";
import type { HostToWorker, WorkerToHost } from "../../src/runtime/protocol.ts";
import { transpile } from "../../src/runtime/transpile.ts";

// The real transpiler, counted: a re-run of unchanged code must not call it.
vi.mock("../../src/runtime/transpile.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/runtime/transpile.ts")>();
  return { ...real, transpile: vi.fn(real.transpile) };
});
const transpiledCells = () => vi.mocked(transpile).mock.calls.map(([, options]) => options.cellId).filter((id) => id !== "warm-up");

function harness() {
  const ctx = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, performance, queueMicrotask });
  const global = vm.runInContext("globalThis", ctx) as typeof globalThis;
  const sent: WorkerToHost[] = [];
  const kernel = createKernel({
    global,
    post: (m) => sent.push(structuredClone(m)),
    nn: { Matrix, cooperate },
    setYieldHook,
    evaluate: (code) => vm.runInContext(code, ctx),
  });
  let next = 1;
  const run = (cellId: string, code: string, extra: Partial<Extract<HostToWorker, { type: "run" }>> = {}) => {
    const runId = next++;
    kernel.handle({ type: "run", runId, cellId, code, ...extra });
    return { runId, done: waitFor(sent, (m) => m.type === "done" && m.runId === runId) };
  };
  return { kernel, sent, run, global };
}

async function waitFor(sent: WorkerToHost[], pred: (m: WorkerToHost) => boolean, ms = 5000): Promise<WorkerToHost> {
  const t0 = Date.now();
  for (;;) {
    const m = sent.find(pred);
    if (m) return m;
    if (Date.now() - t0 > ms) throw new Error("timed out waiting for a message");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("createKernel(env)", () => {
  it("announces itself with the nn exports", () => {
    const { sent } = harness();
    expect(sent[0]).toEqual({ type: "ready", runId: 0, nnExports: ["Matrix", "cooperate"] });
  });

  it("every message of a run carries its runId, done comes last", async () => {
    const { sent, run } = harness();
    const { runId, done } = run("a", "console.log('hi');\ndisplay(1);\n2");
    expect(await done).toMatchObject({ type: "done", status: "ok" });
    const mine = sent.filter((m) => m.runId === runId);
    expect(mine.map((m) => m.type)).toEqual(["ack", "log", "display", "result", "done"]);
  });

  it("reset forgets every name the cells defined", async () => {
    const { kernel, run, global, sent } = harness();
    await run("a", "const x = 1; function f() {}").done;
    expect("x" in global && "f" in global).toBe(true);
    kernel.handle({ type: "reset", runId: 0 });
    const { done, runId } = run("b", "typeof x + ' ' + typeof f");
    await done;
    expect(sent.find((m) => m.type === "result" && m.runId === runId)).toMatchObject({ value: { kind: "string", value: "undefined undefined" } });
    expect("x" in global).toBe(false);
  });

  it("a re-run of unchanged code skips the transpiler; an edit, another cell, a reset are handled", async () => {
    const { kernel, run, sent, global } = harness();
    vi.mocked(transpile).mockClear();
    const result = async (cellId: string, code: string) => {
      const { runId, done } = run(cellId, code);
      await done;
      return sent.find((m) => (m.type === "result" || m.type === "error") && m.runId === runId);
    };
    expect(await result("a", "const q: number = 5; q")).toMatchObject({ type: "result", value: { value: 5 } });
    expect(await result("a", "const q: number = 5; q")).toMatchObject({ type: "result", value: { value: 5 } });
    expect(transpiledCells()).toEqual(["a"]);
    // An edit is transpiled anew; the same code in another cell too (its stack traces name that cell).
    expect(await result("a", "const q: number = 6; q")).toMatchObject({ type: "result", value: { value: 6 } });
    expect(await result("b", "const q: number = 6; q")).toMatchObject({ type: "result", value: { value: 6 } });
    expect(transpiledCells()).toEqual(["a", "a", "b"]);
    // After a reset the reused transpilation still declares its names (and reset removes them again).
    const reset = async () => {
      kernel.handle({ type: "reset", runId: 0 }); // queued behind the runs: wait for it
      await new Promise((r) => setTimeout(r, 10));
    };
    await reset();
    expect("q" in global).toBe(false);
    expect(await result("b", "const q: number = 6; q")).toMatchObject({ type: "result", value: { value: 6 } });
    expect("q" in global).toBe(true);
    await reset();
    expect("q" in global).toBe(false);
    // A syntax error is the same error, with its position, at every run.
    for (let i = 0; i < 2; i++) expect(await result("c", "let k = 1;\nk = (")).toMatchObject({ type: "error", error: { name: "SyntaxError", cellId: "c", line: 2 } });
    expect(transpiledCells()).toEqual(["a", "a", "b", "c"]);
  });

  it("a var in a loop head that clashes with a let of the cell is a syntax error naming it, at its line", async () => {
    const { run, sent } = harness();
    const { runId, done } = run("loop", "let i = 1;\nfor (var i = 0; i < 2; i++) {}");
    expect(await done).toMatchObject({ status: "error" });
    expect(sent.find((m) => m.type === "error" && m.runId === runId)).toMatchObject({
      error: { name: "SyntaxError", message: "Identifier 'i' has already been declared", cellId: "loop", line: 2, column: 10 },
    });
  });

  it("across cells a name declared again is no error: a top-level var redefines it, a var in a loop head stays the cell's own", async () => {
    const { run, sent } = harness();
    const value = async (cellId: string, code: string) => {
      const { runId, done } = run(cellId, code);
      await done;
      return sent.find((m) => (m.type === "result" || m.type === "error") && m.runId === runId);
    };
    await value("a", "let i = 1");
    // Only a cell's top-level statements reach the page scope, so the loop's `i` is the cell's and the page's `i` stays 1.
    expect(await value("b", "for (var i = 0; i < 3; i++) {}\ni")).toMatchObject({ type: "result", value: { value: 3 } });
    expect(await value("c", "i")).toMatchObject({ type: "result", value: { value: 1 } });
    expect(await value("d", "var i = 5")).toBeUndefined();
    expect(await value("e", "i")).toMatchObject({ type: "result", value: { value: 5 } });
  });

  it("interrupt makes the next cooperate() throw Interrupted; the run ends 'stopped'", async () => {
    const { kernel, run, sent } = harness();
    const { runId, done } = run("loop", "let k = 0\nwhile (true) { k++; await nn.cooperate() }");
    await new Promise((r) => setTimeout(r, 60));
    kernel.handle({ type: "interrupt", runId });
    expect(await done).toMatchObject({ status: "stopped" });
    expect(sent.some((m) => m.type === "error" && m.runId === runId)).toBe(false);
  });

  it("an interrupt for another run is ignored", async () => {
    const { kernel, run } = harness();
    const { done } = run("x", "await new Promise((r) => setTimeout(r, 50)); 1");
    kernel.handle({ type: "interrupt", runId: 999 });
    expect(await done).toMatchObject({ status: "ok" });
  });

  it("an Interrupted caught by the cell lets the run finish ok (the host then escalates)", async () => {
    const { kernel, run } = harness();
    const { runId, done } = run("swallow", "try { while (true) await nn.cooperate() } catch (e) { 'caught ' + e.name }");
    await new Promise((r) => setTimeout(r, 60));
    kernel.handle({ type: "interrupt", runId });
    expect(await done).toMatchObject({ status: "ok" });
  });

  it("re-running a cell cancels the intervals its previous run left behind", async () => {
    const { run, sent } = harness();
    const first = run("tick", "setInterval(() => console.log('old'), 5)");
    await first.done;
    await new Promise((r) => setTimeout(r, 40));
    const second = run("tick", "1");
    await second.done;
    const before = sent.filter((m) => m.type === "log" && m.runId === first.runId).length;
    await new Promise((r) => setTimeout(r, 60));
    expect(before).toBeGreaterThan(0);
    expect(sent.filter((m) => m.type === "log" && m.runId === first.runId).length).toBe(before);
  });

  it("late console output from a timer is attributed to the run that scheduled it", async () => {
    const { run, sent } = harness();
    const a = run("a", "setTimeout(() => console.log('later'), 20)");
    await a.done;
    const b = run("b", "await new Promise((r) => setTimeout(r, 60))");
    await b.done;
    const late = sent.find((m) => m.type === "log" && m.runId === a.runId);
    expect(late).toMatchObject({ lines: [{ level: "log", args: [{ kind: "string", value: "later" }] }] });
    expect(sent.some((m) => m.type === "log" && m.runId === b.runId)).toBe(false);
  });

  it("progress sends percent and ETA; the final one always arrives", async () => {
    const { run, sent } = harness();
    const { runId, done } = run("p", "for (let i = 1; i <= 1000; i++) progress({ done: i, total: 1000, label: 'x' })");
    await done;
    const ps = sent.filter((m) => m.type === "progress" && m.runId === runId);
    expect(ps.length).toBeLessThan(10);
    expect(ps.at(-1)).toMatchObject({ done: 1000, percent: 100, etaMs: 0, label: "x", progressId: "progress" });
  });

  it("a display update with a mutated object shows the state at update time", async () => {
    const { run, sent } = harness();
    const { runId, done } = run("m", "const s = { v: 0 }\nconst h = display(s)\ns.v = 1; h.update(s)\ns.v = 2");
    await done;
    const last = sent.filter((m) => (m.type === "update" || m.type === "display") && m.runId === runId).at(-1);
    expect(last).toMatchObject({ type: "update", value: { kind: "object", entries: [["v", { kind: "number", value: 1 }]] } });
  });
});

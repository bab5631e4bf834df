/**
 * KernelHost: queueing, two-stage stop, time limits, stale replies, crashes.
 * Real worker threads where timing matters; an in-process fake worker where
 * the test must control exactly which messages arrive.
 */
import { afterEach, describe, expect, it } from "vitest";
import { KernelHost, type ResetInfo, type RunEvent, type WorkerLike } from "../../src/runtime/host.ts";
import { createNodeWorker } from "../../src/runtime/node-worker.ts";
import type { HostToWorker, WorkerToHost } from "../../src/runtime/protocol.ts";
import type { CrashCause } from "../../src/runtime/crash.ts";

const hosts: KernelHost[] = [];
function realHost(opts: { timeLimitMs?: number; graceMs?: number } = {}): KernelHost {
  const h = new KernelHost({ createWorker: () => createNodeWorker(), ...opts });
  hosts.push(h);
  return h;
}
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

/** An in-process worker whose replies the test writes by hand. */
class FakeWorker implements WorkerLike {
  sent: HostToWorker[] = [];
  terminated = false;
  #onMessage: (m: unknown) => void = () => {};
  #onCrash: (r: CrashCause) => void = () => {};
  constructor(ready = true) {
    if (ready) queueMicrotask(() => this.reply({ type: "ready", runId: 0, nnExports: [] }));
  }
  /** Acknowledges runs as the real kernel does (unless told to stay silent). */
  silent = false;
  postMessage(m: HostToWorker): void {
    this.sent.push(m);
    if (m.type === "run" && !this.silent) queueMicrotask(() => this.reply({ type: "ack", runId: m.runId }));
  }
  onMessage(l: (m: unknown) => void): void {
    this.#onMessage = l;
  }
  onCrash(l: (r: CrashCause) => void): void {
    this.#onCrash = l;
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(m: WorkerToHost | unknown): void {
    this.#onMessage(m);
  }
  crash(reason: CrashCause): void {
    this.#onCrash(reason);
  }
  lastRun(): Extract<HostToWorker, { type: "run" }> {
    const r = this.sent.filter((m) => m.type === "run").at(-1);
    if (!r || r.type !== "run") throw new Error("no run sent");
    return r;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("KernelHost.stop()", () => {
  it("terminates `while(true){}` within ~1.5 s, restarts, and reports the scope reset with the cells that had run", async () => {
    const host = realHost({ graceMs: 1000 });
    const resets: ResetInfo[] = [];
    host.onReset((i) => resets.push(i));
    await host.run({ cellId: "setup", code: "const kept = 1" });
    await host.run({ cellId: "more", code: "const kept2 = 2" });
    const events: RunEvent[] = [];
    const looping = host.run({ cellId: "loop", code: "while (true) {}" }, (e) => events.push(e));
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const how = await host.stop();
    const outcome = await looping;
    const took = performance.now() - t0;
    expect(how).toBe("terminated");
    expect(outcome).toMatchObject({ status: "terminated", reason: "user", cellId: "loop" });
    expect(took).toBeLessThan(1500);
    expect(resets).toEqual([{ reason: "stop", ranCells: ["setup", "more"] }]);
    expect(events.map((e) => e.type === "status" && e.status)).toEqual(["running", "interrupting", "terminating"]);
    expect(host.ranCells).toEqual([]);
    // A fresh worker with an empty scope answers the next run.
    const after = await host.run({ cellId: "check", code: "typeof kept" });
    expect(after.result).toEqual({ kind: "string", value: "undefined" });
  });

  it("politely interrupts an `await nn.cooperate()` loop and keeps the globals it built", async () => {
    const host = realHost();
    await host.run({ cellId: "model", code: "const model = { steps: 0 }" });
    const training = host.run({ cellId: "train", code: "while (true) {\n  model.steps++;\n  await nn.cooperate();\n}" });
    await new Promise((r) => setTimeout(r, 150));
    const t0 = performance.now();
    expect(await host.stop()).toBe("interrupted");
    expect(performance.now() - t0).toBeLessThan(300);
    expect(await training).toMatchObject({ status: "stopped", reason: "user" });
    const check = await host.run({ cellId: "check", code: "model.steps > 0" });
    expect(check.result).toEqual({ kind: "boolean", value: true });
    expect(host.ranCells).toEqual(["model", "train", "check"]);
  });

  it("progress() and display updates are cooperation points too", async () => {
    const host = realHost();
    await host.warm();
    const p = host.run({ cellId: "p", code: "let i = 0\nwhile (true) { await new Promise((r) => setTimeout(r, 5)); progress({ done: ++i, total: 1e9 }) }" });
    await new Promise((r) => setTimeout(r, 100));
    expect(await host.stop()).toBe("interrupted");
    expect((await p).status).toBe("stopped");
  });

  it("is idle when nothing runs, and cancels queued runs", async () => {
    const host = realHost();
    expect(await host.stop()).toBe("idle");
    await host.warm();
    const a = host.run({ cellId: "a", code: "while (true) { await nn.cooperate() }" });
    const b = host.run({ cellId: "b", code: "1" });
    expect(host.busy).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    await host.stop();
    expect((await a).status).toBe("stopped");
    expect(await b).toMatchObject({ status: "cancelled", ms: 0 });
    expect(host.busy).toBe(false);
  });
});

describe("time limit", () => {
  it("a per-run limit escalates like Stop: interrupt first", async () => {
    const host = realHost({ timeLimitMs: 200 });
    const o = await host.run({ cellId: "slow", code: "for (;;) await nn.cooperate()" });
    expect(o).toMatchObject({ status: "stopped", reason: "time-limit" });
  });

  it("then termination, reported as a time-limit reset", async () => {
    const host = realHost({ graceMs: 300 });
    const resets: ResetInfo[] = [];
    host.onReset((i) => resets.push(i));
    const o = await host.run({ cellId: "spin", code: "for (;;) {}", timeLimitMs: 200 });
    expect(o).toMatchObject({ status: "terminated", reason: "time-limit" });
    expect(resets.map((r) => r.reason)).toEqual(["time-limit"]);
  });

  it("the per-cell override lets a long cell finish", async () => {
    const host = realHost({ timeLimitMs: 50 });
    const o = await host.run({ cellId: "long", code: "await new Promise((r) => setTimeout(r, 150)); 'done'", timeLimitMs: 5000 });
    expect(o.status).toBe("ok");
  });
});

describe("protocol", () => {
  it("runs one at a time in order, each tagged with its own runId", async () => {
    const w = new FakeWorker();
    const host = new KernelHost({ createWorker: () => w });
    const a = host.run({ cellId: "a", code: "1" });
    const b = host.run({ cellId: "b", code: "2" });
    await tick();
    await tick();
    expect(w.sent.filter((m) => m.type === "run").map((m) => m.type === "run" && m.cellId)).toEqual(["a"]);
    const ra = w.lastRun();
    w.reply({ type: "done", runId: ra.runId, status: "ok", ms: 1 });
    expect((await a).status).toBe("ok");
    await tick();
    const rb = w.lastRun();
    expect(rb.cellId).toBe("b");
    expect(rb.runId).toBeGreaterThan(ra.runId);
    w.reply({ type: "done", runId: rb.runId, status: "ok", ms: 1 });
    expect((await b).status).toBe("ok");
  });

  it("drops replies whose runId is not a live run (stale, unknown, superseded)", async () => {
    const w = new FakeWorker();
    const host = new KernelHost({ createWorker: () => w });
    const events: RunEvent[] = [];
    const first = host.run({ cellId: "c", code: "x" }, (e) => events.push(e));
    await tick();
    await tick();
    const r1 = w.lastRun().runId;
    w.reply({ type: "result", runId: 999, value: { kind: "number", value: 1 } });
    w.reply({ type: "done", runId: 999, status: "ok", ms: 0 });
    expect(host.staleDropped).toBe(2);
    w.reply({ type: "done", runId: r1, status: "ok", ms: 1 });
    await first;
    // Late output of the finished run is still delivered (a timer it left behind)...
    w.reply({ type: "update", runId: r1, displayId: "d", value: { kind: "null" } });
    expect(events.filter((e) => e.type === "update")).toHaveLength(1);
    // ...until the cell is run again: then the old run is stale.
    const second = host.run({ cellId: "c", code: "y" }, (e) => events.push(e));
    await tick();
    await tick();
    w.reply({ type: "update", runId: r1, displayId: "d", value: { kind: "null" } });
    expect(events.filter((e) => e.type === "update")).toHaveLength(1);
    expect(host.staleDropped).toBe(3);
    w.reply({ type: "done", runId: w.lastRun().runId, status: "ok", ms: 1 });
    await second;
  });

  it("a stopped run's late replies are dropped", async () => {
    const w = new FakeWorker();
    const host = new KernelHost({ createWorker: () => w, graceMs: 5000 });
    const events: RunEvent[] = [];
    const p = host.run({ cellId: "s", code: "loop" }, (e) => events.push(e));
    await tick();
    await tick();
    const id = w.lastRun().runId;
    const stopping = host.stop();
    expect(w.sent).toContainEqual({ type: "interrupt", runId: id });
    w.reply({ type: "done", runId: id, status: "stopped", ms: 3 });
    expect(await stopping).toBe("interrupted");
    expect(await p).toMatchObject({ status: "stopped", reason: "user" });
    w.reply({ type: "log", runId: id, lines: [], total: 1, keepHead: 1, keepTail: 1 });
    expect(events.some((e) => e.type === "log")).toBe(false);
  });

  it("errors travel as data: the outcome carries the CellError, run() never rejects", async () => {
    const w = new FakeWorker();
    const host = new KernelHost({ createWorker: () => w });
    const p = host.run({ cellId: "e", code: "throw" });
    await tick();
    await tick();
    const id = w.lastRun().runId;
    const error = { name: "TypeError", message: "x is not a function", line: 2, column: 1, phase: "runtime" as const };
    w.reply({ type: "error", runId: id, error });
    w.reply({ type: "done", runId: id, status: "error", ms: 1 });
    expect(await p).toMatchObject({ status: "error", error });

    const broken = new KernelHost({
      createWorker: () => {
        throw new Error("no workers here");
      },
    });
    expect(await broken.run({ cellId: "x", code: "1" })).toMatchObject({ status: "error", error: { name: "WorkerError", message: expect.stringContaining("no workers here") } });
  });

  it("uncaught errors with no run go to page-level listeners", async () => {
    const w = new FakeWorker();
    const host = new KernelHost({ createWorker: () => w });
    const seen: string[] = [];
    host.onUncaught((m) => seen.push(m.error.message));
    await host.warm();
    w.reply({ type: "uncaught", runId: null, cellId: null, source: "rejection", error: { name: "Error", message: "orphan", phase: "runtime" } });
    expect(seen).toEqual(["orphan"]);
  });

  it("a worker crash ends the run as terminated and reports a reset", async () => {
    let w = new FakeWorker();
    const host = new KernelHost({ createWorker: () => (w = new FakeWorker()) });
    const resets: ResetInfo[] = [];
    host.onReset((i) => resets.push(i));
    const ok = host.run({ cellId: "a", code: "1" });
    await tick();
    await tick();
    w.reply({ type: "done", runId: w.lastRun().runId, status: "ok", ms: 1 });
    await ok;
    const p = host.run({ cellId: "b", code: "2" });
    await tick();
    await tick();
    w.crash({ code: "failed", detail: "out of memory" });
    expect(await p).toMatchObject({ status: "terminated", reason: "crash", error: { message: expect.stringContaining("out of memory") } });
    expect(resets).toEqual([{ reason: "crash", ranCells: ["a"], detail: "out of memory" }]);
  });

  it("words a crash in the page's language (the kernel only names its cause)", async () => {
    for (const [lang, detail, message] of [
      ["en", "the cell ran out of memory (the kernel's process stopped)", "the cell ran out of memory (the kernel's process stopped); the scope was reset"],
      ["zh-CN", "单元格耗尽了内存（内核所在的进程已停止）", "单元格耗尽了内存（内核所在的进程已停止）；作用域已重置"],
    ] as const) {
      let w = new FakeWorker();
      const host = new KernelHost({ createWorker: () => (w = new FakeWorker()), lang });
      const resets: ResetInfo[] = [];
      host.onReset((i) => resets.push(i));
      const p = host.run({ cellId: "a", code: "1" });
      await tick();
      await tick();
      w.crash({ code: "out-of-memory" });
      expect(await p).toMatchObject({ status: "terminated", reason: "crash", error: { message } });
      expect(resets).toEqual([{ reason: "crash", ranCells: [], detail }]);
      host.dispose();
    }
  });

  it("reset() starts a fresh worker and cancels what was pending", async () => {
    const workers: FakeWorker[] = [];
    const host = new KernelHost({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1) as FakeWorker) });
    const resets: ResetInfo[] = [];
    host.onReset((i) => resets.push(i));
    const p = host.run({ cellId: "a", code: "1" });
    await tick();
    await tick();
    await host.reset();
    expect(await p).toMatchObject({ status: "terminated", reason: "reset" });
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(resets.map((r) => r.reason)).toEqual(["manual"]);
  });
});

describe("KernelHost.stop() before the worker is ready", () => {
  it("cancels a run that has not started", async () => {
    const w = new FakeWorker(false);
    const host = new KernelHost({ createWorker: () => w });
    const p = host.run({ cellId: "a", code: "1" });
    await tick();
    expect(await host.stop()).toBe("interrupted");
    expect(await p).toMatchObject({ status: "cancelled" });
    expect(w.sent).toEqual([]);
  });
});

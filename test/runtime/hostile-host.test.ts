/**
 * The host against a kernel that says the wrong things: malformed or
 * oversized messages, results for runs that are not in flight, and a kernel
 * that goes silent. The fake worker lets the test write every message.
 */
import { describe, expect, it } from "vitest";
import { KernelHost, type ResetInfo, type RunEvent, type WorkerLike } from "../../src/runtime/host.ts";
import { checkMessage, MESSAGES } from "../../src/runtime/message-check.ts";
import type { HostToWorker, WorkerToHost } from "../../src/runtime/protocol.ts";
import { TEXT_CAPS } from "../../src/runtime/text-cap.ts";

class FakeWorker implements WorkerLike {
  sent: HostToWorker[] = [];
  acks = true;
  #listener: (m: unknown) => void = () => {};
  constructor() {
    queueMicrotask(() => this.reply({ type: "ready", runId: 0, nnExports: [] }));
  }
  postMessage(m: HostToWorker): void {
    this.sent.push(m);
    if (m.type === "run" && this.acks) queueMicrotask(() => this.reply({ type: "ack", runId: m.runId }));
  }
  onMessage(l: (m: unknown) => void): void {
    this.#listener = l;
  }
  onCrash(): void {}
  terminate(): void {}
  reply(m: unknown): void {
    this.#listener(m);
  }
  runId(): number {
    const r = this.sent.filter((m) => m.type === "run").at(-1);
    if (r?.type !== "run") throw new Error("no run");
    return r.runId;
  }
}
const tick = () => new Promise((r) => setTimeout(r, 0));

async function started(opts: { ackMs?: number; maxLogLines?: number } = {}) {
  const workers: FakeWorker[] = [];
  const host = new KernelHost({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!), ...opts });
  const events: RunEvent[] = [];
  const outcome = host.run({ cellId: "c", code: "x" }, (e) => events.push(e));
  await tick();
  await tick();
  return { host, w: workers[0], workers, events, outcome };
}

describe("the host checks every message (message-check.ts)", () => {
  it("drops malformed messages without throwing: null, strings, unknown types, wrong field types, bad rich values", async () => {
    const { host, w, events, outcome } = await started();
    const id = w.runId();
    const bad: unknown[] = [
      null, undefined, "done", 42, [], { type: "nope", runId: id }, { type: "__proto__", runId: id },
      { type: "display", runId: id, displayId: "d", value: { kind: "evil" } },
      { type: "display", runId: id, displayId: "d", value: { kind: "array", length: 1, items: [null] } },
      { type: "display", runId: id, displayId: 7, value: { kind: "null" } },
      { type: "result", runId: String(id), value: { kind: "null" } },
      { type: "display", runId: id, displayId: "d", value: { kind: "matrix", rows: 1, cols: 1, rowIndex: [0], colIndex: [0], values: [[1, 2]] } },
      { type: "display", runId: id, displayId: "d", value: { kind: "plot", options: { marks: [{ mark: "script", data: [], options: {} }] } } },
      { type: "log", runId: id, lines: [{ level: "alert", args: [] }], total: 1, keepHead: 1, keepTail: 1 },
      { type: "done", runId: id, status: "ok" },
    ];
    for (const m of bad) expect(() => w.reply(m)).not.toThrow();
    expect(host.rejected).toBe(bad.length);
    expect(events.filter((e) => e.type !== "status")).toEqual([]);
    w.reply({ type: "done", runId: id, status: "ok", ms: 1 });
    expect(await outcome).toMatchObject({ status: "ok" });
  });

  it("has one table entry per message type, each accepting a well-formed message", () => {
    const good: WorkerToHost[] = [
      { type: "ready", runId: 0, nnExports: ["Matrix"] },
      { type: "ack", runId: 1 },
      { type: "log", runId: 1, lines: [{ level: "log", args: [{ kind: "string", value: "hi" }] }], total: 1, keepHead: 1, keepTail: 1 },
      { type: "display", runId: 1, displayId: "d", value: { kind: "plot", options: { marks: [{ mark: "dot", data: [{ x: 1 }], options: { x: "x" } }] } } },
      { type: "update", runId: 1, displayId: "d", value: { kind: "matrix", rows: 1, cols: 2, rowIndex: [0], colIndex: [0, 1], values: [[1, 2]] } },
      { type: "progress", runId: 1, progressId: "p", done: 1, total: 2, label: "", percent: 50, elapsedMs: 1, etaMs: null },
      { type: "result", runId: 1, value: { kind: "object", ctor: null, entries: [["a", { kind: "number", value: 1 }]], more: 0 } },
      { type: "error", runId: 1, error: { name: "E", message: "m", phase: "runtime", frames: [{ cellId: "c", line: 1, column: 1, fn: "" }] } },
      { type: "uncaught", runId: null, cellId: null, source: "timer", error: { name: "E", message: "m", phase: "runtime" } },
      { type: "done", runId: 1, status: "error", ms: 3 },
      { type: "asset-request", runId: 1, requestId: 1, name: "digits" },
      { type: "control", runId: 1, control: { kind: "slider", label: "lr", min: 0.001, max: 1, step: null, scale: "log", value: 0.1, default: 0.1 } },
      {
        type: "grade-report", runId: 1,
        report: {
          exerciseId: "02-a/b", passed: false, seed: 7, headline: "h", problem: null, pattern: "sign-flipped", elapsedMs: 3,
          parts: [{ name: "p", passed: false, message: "m", where: { param: "dX", index: [1, 0], input: "x 2x3" }, maxError: 2, band: "wrong", cause: "c" }],
          comparison: { label: "l", reference: "numerical gradient", analytic: [1], numeric: [-1] },
        },
      },
    ];
    expect(new Set(good.map((m) => m.type))).toEqual(new Set(Object.keys(MESSAGES)));
    for (const m of good) expect(checkMessage(structuredClone(m))).not.toBeNull();
  });

  it("clamps sizes on the page side: long texts, and log batches beyond the run's cap", async () => {
    const { w, events, outcome } = await started({ maxLogLines: 10 });
    const id = w.runId();
    const line = { level: "log", args: [{ kind: "string", value: "z".repeat(1_000_000) }] };
    w.reply({ type: "log", runId: id, lines: Array.from({ length: 5000 }, () => line), total: 5000, keepHead: 3, keepTail: 7 });
    w.reply({ type: "log", runId: id, lines: [line], total: 5001, keepHead: 3000, keepTail: 3000 }); // claims a bigger cap than the run asked for
    const logs = events.filter((e) => e.type === "log");
    expect(logs).toHaveLength(1);
    expect(logs[0].type === "log" && logs[0].lines.length).toBe(10);
    expect(JSON.stringify(logs[0]).length).toBeLessThan(TEXT_CAPS.maxTotal + 10_000);
    w.reply({ type: "done", runId: id, status: "ok", ms: 1 });
    await outcome;
  });

  it("attributes messages to the run in flight: a result or done for a finished run is dropped, late logs are not", async () => {
    const { host, w, events, outcome } = await started();
    const id = w.runId();
    w.reply({ type: "done", runId: id, status: "ok", ms: 1 });
    expect(await outcome).toMatchObject({ status: "ok" });
    const dropped = host.staleDropped;
    w.reply({ type: "result", runId: id, value: { kind: "string", value: "forged" } });
    w.reply({ type: "error", runId: id, error: { name: "E", message: "forged", phase: "runtime" } });
    w.reply({ type: "log", runId: id, lines: [{ level: "log", args: [{ kind: "string", value: "late" }] }], total: 1, keepHead: 1, keepTail: 1 });
    expect(host.staleDropped).toBe(dropped + 2);
    expect(events.filter((e) => e.type === "result" || e.type === "error")).toEqual([]);
    expect(events.filter((e) => e.type === "log")).toHaveLength(1);
  });
});

describe("a silent kernel", () => {
  it("is restarted as soon as it fails to acknowledge a run, not at the time limit", async () => {
    const workers: FakeWorker[] = [];
    const host = new KernelHost({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!), ackMs: 200, timeLimitMs: 60_000 });
    const resets: ResetInfo[] = [];
    host.onReset((r) => resets.push(r));
    await host.warm();
    workers[0].acks = false;
    const t0 = performance.now();
    const outcome = await host.run({ cellId: "c", code: "1" });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(outcome).toMatchObject({ status: "terminated", reason: "crash", error: { message: expect.stringContaining("stopped answering") } });
    expect(resets).toMatchObject([{ reason: "crash" }]);
    await tick();
    expect(workers).toHaveLength(2); // a fresh kernel is started at once
    const next = host.run({ cellId: "c", code: "1" });
    await tick();
    await tick();
    workers[1].reply({ type: "done", runId: workers[1].runId(), status: "ok", ms: 1 });
    expect(await next).toMatchObject({ status: "ok" });
  });

  it("Stop also tells the kernel to clear every timer, even when no run is in flight", async () => {
    const { host, w, outcome } = await started();
    w.reply({ type: "done", runId: w.runId(), status: "ok", ms: 1 });
    await outcome;
    expect(await host.stop()).toBe("idle");
    expect(w.sent.at(-1)).toMatchObject({ type: "clear-timers" });
  });
});

describe("cutText(s, keep)", () => {
  it("keeps at most `keep` characters in all, says how many were cut, and cutting again changes nothing", async () => {
    const { cutText } = await import("../../src/runtime/text-cap.ts");
    const once = cutText("m".repeat(4_000_000), 10_000);
    expect(once.length).toBeLessThanOrEqual(10_000);
    expect(once).toMatch(/^m+… \(3,990,0\d\d more characters\)$/);
    expect(cutText(once, 10_000)).toBe(once);
    expect(cutText("short", 10_000)).toBe("short");
  });
});

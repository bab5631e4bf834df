/**
 * Site files a cell asks for (the digits of chapter 9): the kernel's origin is
 * opaque, so it asks the page (`asset-request`), which fetches same-origin and
 * answers (`asset`). Kernel side on a node:vm context, host side with a fake
 * worker, so each test controls exactly which messages arrive.
 */
import vm from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { cooperate, setYieldHook } from "../../src/nn/cooperate.ts";
import { KernelHost, type WorkerLike } from "../../src/runtime/host.ts";
import { createKernel, type Kernel } from "../../src/runtime/kernel.ts";
import type { HostToWorker, WorkerToHost } from "../../src/runtime/protocol.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("kernel.requestAsset(name)", () => {
  function harness() {
    const ctx = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, performance, queueMicrotask });
    const global = vm.runInContext("globalThis", ctx) as typeof globalThis;
    const sent: WorkerToHost[] = [];
    let kernel: Kernel;
    // The cell reaches the kernel the way the browser worker wires it: through a function the page scope can call.
    (global as unknown as { loadAsset: (n: "digits") => Promise<ArrayBuffer> }).loadAsset = (n) => kernel.requestAsset(n);
    kernel = createKernel({ global, post: (m) => sent.push(m), nn: { cooperate }, setYieldHook, evaluate: (code) => vm.runInContext(code, ctx) });
    return { kernel, sent };
  }

  it("asks the page on behalf of the run in flight and resolves with the bytes it answers", async () => {
    const { kernel, sent } = harness();
    kernel.handle({ type: "run", runId: 7, cellId: "load", code: "const bytes = new Uint8Array(await loadAsset('digits'));\nbytes.length" });
    for (let i = 0; i < 50 && !sent.some((m) => m.type === "asset-request"); i++) await tick();
    const req = sent.find((m) => m.type === "asset-request");
    expect(req).toMatchObject({ type: "asset-request", runId: 7, name: "digits" });
    kernel.handle({ type: "asset", requestId: (req as { requestId: number }).requestId, bytes: new Uint8Array([1, 2, 3]).buffer });
    for (let i = 0; i < 50 && !sent.some((m) => m.type === "done"); i++) await tick();
    expect(sent.find((m) => m.type === "result")).toMatchObject({ value: { kind: "number", value: 3 } });
    expect(sent.find((m) => m.type === "done")).toMatchObject({ status: "ok" });
  });

  it("rejects with the page's reason when the page could not fetch the file", async () => {
    const { kernel, sent } = harness();
    kernel.handle({ type: "run", runId: 3, cellId: "load", code: "await loadAsset('digits')" });
    for (let i = 0; i < 50 && !sent.some((m) => m.type === "asset-request"); i++) await tick();
    const { requestId } = sent.find((m) => m.type === "asset-request") as { requestId: number };
    kernel.handle({ type: "asset", requestId, bytes: null, error: "digits: /data/digits-v1.bin.gz answered 404 Not Found" });
    for (let i = 0; i < 50 && !sent.some((m) => m.type === "done"); i++) await tick();
    expect(sent.find((m) => m.type === "error")).toMatchObject({ error: { message: expect.stringContaining("404 Not Found") } });
  });

  it("rejects outside a run (nothing to attribute the request to)", async () => {
    const { kernel } = harness();
    await expect(kernel.requestAsset("digits")).rejects.toThrow("digits: files load only while a cell runs");
  });
});

/** A worker whose messages the test writes by hand. */
class FakeWorker implements WorkerLike {
  sent: HostToWorker[] = [];
  #onMessage: (m: unknown) => void = () => {};
  constructor() {
    queueMicrotask(() => this.reply({ type: "ready", runId: 0, nnExports: [] }));
  }
  postMessage(m: HostToWorker): void {
    this.sent.push(m);
    if (m.type === "run") queueMicrotask(() => this.reply({ type: "ack", runId: m.runId }));
  }
  onMessage(l: (m: unknown) => void): void {
    this.#onMessage = l;
  }
  onCrash(): void {}
  terminate(): void {}
  reply(m: unknown): void {
    this.#onMessage(m);
  }
  runId(): number {
    const r = this.sent.find((m) => m.type === "run");
    if (!r || r.type !== "run") throw new Error("no run sent");
    return r.runId;
  }
}

describe("KernelHost answers asset-request", () => {
  const hosts: KernelHost[] = [];
  afterEach(() => {
    for (const h of hosts.splice(0)) h.dispose();
  });
  function setup(fetchAsset?: (name: string) => Promise<ArrayBuffer>) {
    const worker = new FakeWorker();
    const asked: string[] = [];
    const host = new KernelHost({
      createWorker: () => worker,
      fetchAsset: fetchAsset && ((name) => (asked.push(name), fetchAsset(name))),
    });
    hosts.push(host);
    void host.run({ cellId: "load", code: "await digits({ rng })" });
    return { worker, host, asked };
  }

  it("fetches an allow-listed name for the run in flight and posts the bytes back", async () => {
    const { worker, asked } = setup(async () => new Uint8Array([9, 8]).buffer);
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === "run"); i++) await tick();
    worker.reply({ type: "asset-request", runId: worker.runId(), requestId: 1, name: "digits" });
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === "asset"); i++) await tick();
    expect(asked).toEqual(["digits"]);
    const answer = worker.sent.find((m) => m.type === "asset") as Extract<HostToWorker, { type: "asset" }>;
    expect(answer.requestId).toBe(1);
    expect([...new Uint8Array(answer.bytes!)]).toEqual([9, 8]);
  });

  it("never fetches a name outside the allow-list, nor for a run that is not in flight", async () => {
    const { worker, host, asked } = setup(async () => new ArrayBuffer(1));
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === "run"); i++) await tick();
    const before = host.rejected;
    worker.reply({ type: "asset-request", runId: worker.runId(), requestId: 1, name: "../../secrets" });
    worker.reply({ type: "asset-request", runId: worker.runId() + 100, requestId: 2, name: "digits" });
    await tick();
    await tick();
    expect(asked).toEqual([]);
    expect(worker.sent.some((m) => m.type === "asset")).toBe(false);
    expect(host.rejected).toBe(before + 1);
  });

  it("answers with an error naming the file when the page cannot fetch it", async () => {
    const { worker } = setup(async () => {
      throw new Error("/data/digits-v1.bin.gz answered 404 Not Found");
    });
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === "run"); i++) await tick();
    worker.reply({ type: "asset-request", runId: worker.runId(), requestId: 5, name: "digits" });
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === "asset"); i++) await tick();
    expect(worker.sent.find((m) => m.type === "asset")).toEqual({
      type: "asset", requestId: 5, bytes: null, error: "digits: /data/digits-v1.bin.gz answered 404 Not Found",
    });
  });
});

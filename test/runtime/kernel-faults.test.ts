/**
 * The kernel's own errors reach the page as data (`KernelFault`), and the page
 * words them in its language: a message the structured clone refused, a file
 * asked for outside a run or not delivered, and the note that ends a cut text.
 * The kernel runs on a node:vm context, as in assets.test.ts.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { cooperate, setYieldHook } from "../../src/nn/cooperate.ts";
import { loadDigitsFile } from "../../src/nn/digits.ts";
import { createKernel, type Kernel, type KernelEnv } from "../../src/runtime/kernel.ts";
import { errorMessage, faultOf, faultText, wordCuts } from "../../src/runtime/kernel-faults.ts";
import { checkMessage } from "../../src/runtime/message-check.ts";
import type { CellError, KernelFault, WorkerToHost } from "../../src/runtime/protocol.ts";
import { richToText, toRich } from "../../src/runtime/rich.ts";
import { cutText } from "../../src/runtime/text-cap.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

function harness(post?: KernelEnv["post"]) {
  const ctx = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, performance, queueMicrotask });
  const global = vm.runInContext("globalThis", ctx) as typeof globalThis;
  const sent: WorkerToHost[] = [];
  let kernel: Kernel;
  const g = global as unknown as Record<string, unknown>;
  g.loadAsset = (n: "digits") => kernel.requestAsset(n);
  // The library's digits loader over the kernel's request, as worker.ts installs it.
  g.loadDigits = () => loadDigitsFile(() => kernel.requestAsset("digits"));
  kernel = createKernel({ global, post: post ? (m) => (post(m), sent.push(m)) : (m) => sent.push(m), nn: { cooperate }, setYieldHook, evaluate: (code) => vm.runInContext(code, ctx) });
  return { kernel, sent };
}

async function until(sent: WorkerToHost[], type: WorkerToHost["type"]): Promise<void> {
  for (let i = 0; i < 100 && !sent.some((m) => m.type === type); i++) await tick();
}

/** Runs `code`, answers its asset request with `answer`, and returns the run's error. */
async function failedLoad(code: string, answer: { error?: string }): Promise<CellError> {
  const { kernel, sent } = harness();
  kernel.handle({ type: "run", runId: 4, cellId: "load", code });
  await until(sent, "asset-request");
  const { requestId } = sent.find((m) => m.type === "asset-request") as { requestId: number };
  kernel.handle({ type: "asset", requestId, bytes: null, ...answer });
  await until(sent, "done");
  const error = sent.find((m) => m.type === "error");
  expect(checkMessage(error), "the page accepts the error with its fault").not.toBeNull();
  return (error as Extract<WorkerToHost, { type: "error" }>).error;
}

describe("asset faults", () => {
  it("a request outside a run carries its fault; the page words it in Chinese", async () => {
    const { kernel } = harness();
    const e = await kernel.requestAsset("digits").catch((x: unknown) => x);
    expect((e as Error).message).toBe("digits: files load only while a cell runs");
    const fault = faultOf(e);
    expect(fault).toEqual({ code: "asset-outside-run", asset: "digits" });
    expect(faultText(fault!, "zh-CN")).toBe("digits：只有在单元格运行期间才能加载文件");
  });

  it("a file the page did not send: the cell's error carries the fault, even through the library's digits loader", async () => {
    for (const code of ["await loadAsset('digits')", "await loadDigits()"]) {
      const error = await failedLoad(code, {});
      expect(error.fault, code).toEqual({ code: "asset-failed", asset: "digits" });
      expect(errorMessage(error, "zh-CN"), code).toBe("digits：页面无法加载这个文件");
      expect(error.message, code).toContain("digits: the page could not load the file");
    }
  });

  it("the page's own reason is shown as it is", async () => {
    const error = await failedLoad("await loadAsset('digits')", { error: "digits: /data/digits-v1.bin.gz answered 404 Not Found" });
    expect(error.fault).toEqual({ code: "asset-failed", asset: "digits", detail: "digits: /data/digits-v1.bin.gz answered 404 Not Found" });
    expect(errorMessage(error, "zh-CN")).toBe("digits: /data/digits-v1.bin.gz answered 404 Not Found");
  });
});

describe("a message the structured clone refused", () => {
  it("arrives as an uncaught DataCloneError with a send-failed fault the page words", async () => {
    const refuse: KernelEnv["post"] = (m) => {
      if (m.type === "log") throw new Error("#<Object> could not be cloned.");
    };
    const { kernel, sent } = harness(refuse);
    kernel.handle({ type: "run", runId: 9, cellId: "c", code: "console.log('hi')" });
    await until(sent, "done");
    await until(sent, "uncaught");
    const u = sent.find((m) => m.type === "uncaught") as Extract<WorkerToHost, { type: "uncaught" }>;
    expect(checkMessage(u)).not.toBeNull();
    expect(u.error).toMatchObject({ name: "DataCloneError", message: "could not send a log message: Error: #<Object> could not be cloned.", fault: { code: "send-failed", messageType: "log" } });
    expect(errorMessage(u.error, "zh-CN")).toBe("无法发送 log 消息：Error: #<Object> could not be cloned.");
  });
});

describe("the page checks a fault's shape", () => {
  const error = (fault: unknown) => ({ type: "error", runId: 1, error: { name: "Error", message: "m", phase: "runtime", fault } });
  it.each<[string, unknown]>([
    ["an unknown code", { code: "format-disk" }],
    ["send-failed without its detail", { code: "send-failed", messageType: "log" }],
    ["an asset fault without the asset", { code: "asset-failed" }],
    ["a fault that is text", "asset-failed"],
  ])("drops %s", (_what, fault) => {
    expect(checkMessage(error(fault))).toBeNull();
  });
  it("accepts every well-formed fault", () => {
    const faults: KernelFault[] = [
      { code: "send-failed", messageType: "display", detail: "x" },
      { code: "asset-outside-run", asset: "digits" },
      { code: "asset-failed", asset: "digits" },
    ];
    for (const f of faults) expect(checkMessage(error(f))).not.toBeNull();
  });
});

describe("the note that ends a cut text", () => {
  const long = "m".repeat(20_000);
  it("is reworded in Chinese, with the count as cut", () => {
    const cut = cutText(long, 100);
    expect(cut).toMatch(/… \(19,9\d\d more characters\)$/);
    const n = cut.match(/\(([\d,]+) more/)![1];
    expect(wordCuts(cut, "zh-CN")).toBe(`${cut.slice(0, cut.indexOf("…"))}……（另有 ${n} 个字符）`);
    expect(wordCuts(cut, "en")).toBe(cut);
  });
  it("the same note ends a long string value, so it is reworded too", () => {
    const text = richToText(toRich(long));
    expect(wordCuts(text, "zh-CN")).toMatch(/……（另有 [\d,]+ 个字符）"$/);
    expect(wordCuts(text, "zh-CN")).not.toContain("more characters");
  });
  it("leaves other text alone", () => {
    expect(wordCuts("… (many more characters)", "zh-CN")).toBe("… (many more characters)");
    expect(wordCuts("plain", "zh-CN")).toBe("plain");
  });
});

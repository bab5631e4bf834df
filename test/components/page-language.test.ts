/**
 * A Chinese page (`<html lang="zh-CN">`) shows the cell's chrome in Chinese:
 * statuses, durations, notices, error places and output captions; an English
 * page shows exactly the English it always has. The DOM is linkedom's, with
 * the few browser globals the cell view touches.
 */
import { parseHTML } from "linkedom";
import { afterEach, describe, expect, it } from "vitest";
import type { CellHost } from "../../src/components/cell-view.ts";
import type { RunOutcome } from "../../src/runtime/host.ts";

const PAGE = `<!doctype html><html><body><main>
<section class="cell" data-cell-id="first" data-cell-index="0">
  <div class="cell-toolbar">
    <button data-action="run">Run</button><button data-action="stop">Stop</button><button data-action="reset">Reset</button>
    <span class="cell-modified" hidden>modified</span><span class="cell-status">idle</span>
  </div>
  <div class="cell-notice" hidden></div>
  <div class="cell-code"><pre>1 + 1</pre></div>
  <template class="cell-source">1 + 1</template>
  <div class="cell-output"></div>
</section></main></body></html>`;

const saved: Record<string, unknown> = {};
function usePage(lang: string): Document {
  const { window, document } = parseHTML(PAGE);
  document.documentElement.lang = lang;
  const globals = {
    window,
    document,
    Node: window.Node,
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    requestAnimationFrame: (f: () => void) => setTimeout(f, 0) as unknown as number,
    cancelAnimationFrame: (id: number) => clearTimeout(id),
  };
  for (const [k, v] of Object.entries(globals)) {
    saved[k] = (globalThis as Record<string, unknown>)[k];
    (globalThis as Record<string, unknown>)[k] = v;
  }
  return document as unknown as Document;
}
afterEach(async () => {
  // Let the cell's deferred work (a scroll check 100 ms after output) end on this page, not after it is gone.
  await new Promise((r) => setTimeout(r, 200));
  for (const [k, v] of Object.entries(saved)) (globalThis as Record<string, unknown>)[k] = v;
});

const host: CellHost = { run() {}, stop() {}, codeChanged() {}, reset() {}, label: (id) => (id === "first" ? "cell 1" : id) };
const outcome = (o: Partial<RunOutcome>): RunOutcome => ({ runId: 1, cellId: "first", status: "ok", ms: 12, ...o });

async function cellOn(lang: string) {
  const doc = usePage(lang);
  const { CellView } = await import("../../src/components/cell-view.ts");
  const cell = new CellView(doc.querySelector<HTMLElement>("section.cell")!, host);
  const status = () => doc.querySelector(".cell-status")!.textContent;
  return { doc, cell, status };
}

describe("the cell's words follow <html lang>", () => {
  it("a Chinese page shows Chinese statuses", async () => {
    const { cell, status, doc } = await cellOn("zh-CN");
    cell.setState("queued");
    await new Promise((r) => setTimeout(r, 200)); // the busy look comes after RUNNING_LOOK_MS
    expect(status()).toBe("排队中");
    cell.finish(outcome({ status: "ok", ms: 12 }));
    expect(status()).toBe("完成，用时 12 毫秒");
    cell.finish(outcome({ status: "error", ms: 1500 }));
    expect(status()).toBe("出错，运行了 1.5 秒");
    cell.finish(outcome({ status: "stopped", reason: "time-limit", ms: 30_000 }));
    expect(status()).toBe("已停止，运行了 30.0 秒（达到时间上限）");
    cell.finish(outcome({ status: "terminated", reason: "user" }));
    expect(status()).toBe("已停止（作用域已重置）");
    cell.finish(outcome({ status: "cancelled" }));
    expect(status()).toBe("未运行");
    cell.handle({ type: "status", runId: 1, status: "interrupting" });
    expect(status()).toBe("正在停止…");
    cell.notifyStale(true);
    expect(doc.querySelector(".cell-notice")!.textContent).toBe("上方的输入已改变——运行以更新。运行");
    cell.handle({ type: "error", runId: 1, error: { name: "TypeError", message: "x is not a function", cellId: "other", line: 3, column: 7, phase: "runtime" } });
    // The error's own words are the program's; where it happened is the page's.
    expect(doc.querySelector(".out-error")!.textContent).toBe("TypeError: x is not a function（other，第 3 行，第 7 列）");
    cell.handle({ type: "error", runId: 1, error: { name: "Uncaught", message: "42 (a non-Error value was thrown)", thrown: { kind: "number", value: 42 }, phase: "runtime" } });
    expect(doc.querySelectorAll(".out-error")[1].textContent).toBe("Uncaught: 42（抛出的不是 Error 对象）");
  });

  it("an English page shows the English it always has", async () => {
    const { cell, status, doc } = await cellOn("en");
    cell.finish(outcome({ status: "ok", ms: 12 }));
    expect(status()).toBe("done in 12 ms");
    cell.finish(outcome({ status: "stopped", reason: "time-limit", ms: 30_000 }));
    expect(status()).toBe("stopped after 30.0 s (time limit)");
    cell.finish(outcome({ status: "terminated", reason: "time-limit" }));
    expect(status()).toBe("stopped (time limit; scope reset)");
    cell.handle({ type: "status", runId: 1, status: "terminating" });
    expect(status()).toBe("restarting the worker…");
    cell.notifyStale(true);
    expect(doc.querySelector(".cell-notice")!.textContent).toBe("Inputs changed above — Run to update.Run");
    cell.handle({ type: "error", runId: 1, error: { name: "TypeError", message: "x is not a function", cellId: "other", line: 3, column: 7, phase: "runtime" } });
    expect(doc.querySelector(".out-error")!.textContent).toBe("TypeError: x is not a function (other, line 3, column 7)");
    cell.handle({ type: "error", runId: 1, error: { name: "Uncaught", message: "42 (a non-Error value was thrown)", thrown: { kind: "number", value: 42 }, phase: "runtime" } });
    expect(doc.querySelectorAll(".out-error")[1].textContent).toBe("Uncaught: 42 (a non-Error value was thrown)");
  });

  it("a page without a known language is English", async () => {
    const { cell, status } = await cellOn("fr");
    cell.finish(outcome({ status: "ok", ms: 2500 }));
    expect(status()).toBe("done in 2.5 s");
  });
});

describe("buildLang: a build-time component's language", () => {
  it("is the prop when given, else the edition of the page's URL", async () => {
    const { buildLang } = await import("../../src/components/build-lang.ts");
    expect(buildLang(undefined, new URL("http://site/backpropagation/"))).toBe("en");
    expect(buildLang(undefined, new URL("http://site/zh/backpropagation/"))).toBe("zh-CN");
    expect(buildLang(undefined, new URL("http://site/zh/"))).toBe("zh-CN");
    expect(buildLang(undefined, new URL("http://site/zhou/"))).toBe("en");
    expect(buildLang("zh-CN", new URL("http://site/backpropagation/"))).toBe("zh-CN");
    expect(buildLang("en", new URL("http://site/zh/backpropagation/"))).toBe("en");
  });
});

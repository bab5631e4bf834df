/**
 * The real browser path: worker.ts bundled and started as a Web Worker in
 * Chromium, driven by KernelHost through webWorkerLike. Checks what Node
 * cannot: the browser's unhandledrejection event, Chrome's stack format with
 * sourceURL, termination of a Web Worker. Skipped when Chromium or esbuild
 * (used here only to bundle; the site uses Vite) is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../e2e/browser.ts";

const chromiumPath = findChromium();
const esbuild = await import("esbuild").catch(() => null);
const playwright = await import("playwright-core").catch(() => null);
const available = !!(chromiumPath && esbuild && playwright);

describe.skipIf(!available)("worker.ts in Chromium", () => {
  let browser: import("playwright-core").Browser;
  let page: import("playwright-core").Page;
  let workerCode = "";

  beforeAll(async () => {
    const root = new URL("../../", import.meta.url).pathname;
    const w = await esbuild!.build({ entryPoints: [`${root}src/runtime/worker.ts`], bundle: true, write: false, format: "iife", platform: "browser", target: "es2022" });
    const h = await esbuild!.build({
      stdin: { contents: 'export { KernelHost, webWorkerLike } from "./src/runtime/host.ts";', resolveDir: root, loader: "ts" },
      bundle: true, write: false, format: "iife", globalName: "RT", platform: "browser", target: "es2022",
    });
    workerCode = w.outputFiles[0].text;
    browser = await playwright!.chromium.launch({ executablePath: chromiumPath! });
    page = await browser.newPage();
    await page.addScriptTag({ content: h.outputFiles[0].text });
    await page.evaluate((code) => {
      const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      const g = globalThis as unknown as Record<string, any>;
      g.resets = [];
      g.host = new g.RT.KernelHost({ createWorker: () => g.RT.webWorkerLike(new Worker(url)), graceMs: 500 });
      g.host.onReset((i: unknown) => g.resets.push(i));
      g.run = async (cellId: string, code: string) => {
        const events: any[] = [];
        const outcome = await g.host.run({ cellId, code }, (e: unknown) => events.push(e));
        return { ...outcome, events };
      };
    }, workerCode);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const run = (cellId: string, code: string) => page.evaluate(([id, c]) => (globalThis as any).run(id, c), [cellId, code] as const);

  it("shares scope across cells and displays an nn Matrix", async () => {
    await run("a", "let n: number = 0\nfunction inc() { n++ }\nconst m = nn.Matrix.from([[1, 2]])");
    const o = await run("b", "inc(); inc();\n[n, m]");
    expect(o.status).toBe("ok");
    expect(o.result).toMatchObject({ kind: "array", items: [{ kind: "number", value: 2 }, { kind: "matrix", rows: 1, cols: 2 }] });
  });

  it("maps runtime errors to the cell's line and column", async () => {
    const o = await run("c", "const q = 1;\n\nnull.x");
    expect(o.error).toMatchObject({ name: "TypeError", line: 3, column: 6, cellId: "c" });
  });

  it("reports unhandled rejections and late timer errors against the run", async () => {
    const o = await run("d", "Promise.reject(new Error('rej'));\nsetTimeout(() => { throw new Error('late') }, 10);\nawait new Promise((r) => setTimeout(r, 50))");
    const uncaught = o.events.filter((e: any) => e.type === "uncaught").map((e: any) => [e.error.message, e.error.line, e.runId === o.runId]);
    expect(uncaught).toEqual([["rej", 1, true], ["late", 2, true]]);
  });

  it("caps a 100,000-line log flood into one or two messages", async () => {
    const o = await run("e", "for (let i = 0; i < 100000; i++) console.log(i)");
    const logs = o.events.filter((e: any) => e.type === "log");
    expect(logs.length).toBeLessThanOrEqual(2);
    expect(logs.at(-1).total).toBe(100000);
  });

  it("terminates `while(true){}` and restarts with an empty scope", async () => {
    const res = await page.evaluate(async () => {
      const g = globalThis as any;
      const t0 = performance.now();
      const p = g.run("f", "while (true) {}");
      await new Promise((r) => setTimeout(r, 100));
      const how = await g.host.stop();
      const outcome = await p;
      return { how, status: outcome.status, ms: performance.now() - t0, resets: g.resets };
    });
    expect(res).toMatchObject({ how: "terminated", status: "terminated" });
    expect(res.ms).toBeLessThan(1500);
    expect(res.resets.at(-1)).toEqual({ reason: "stop", ranCells: ["a", "b", "c", "d", "e"] });
    expect((await run("g", "typeof n")).result).toEqual({ kind: "string", value: "undefined" });
  });
});

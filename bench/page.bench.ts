/**
 * Page benchmark: how fast a reader sees a cell's output, and what a chapter
 * page downloads. Builds the site if dist/ is missing, serves it on loopback
 * and drives the system Chromium.
 *
 *   node bench/page.bench.ts [rounds=7]
 *
 * Prints medians of: click-to-output on the first Run of a fresh page (worker
 * start included) and on warm re-runs; the JavaScript transferred (gzip)
 * before any interaction, after the first Run, and after the editor opens;
 * and for a light cell with sliders (chapter 0's controls-demo): slider
 * change → output redrawn (value printed and plot replaced), and the longest
 * main-thread task while a slider is dragged.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { launch, findChromium } from "../test/e2e/browser.ts";
import { serveStatic } from "../test/e2e/static-server.ts";

const rounds = Number(process.argv[2] ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!findChromium()) {
  console.log("page bench: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH); skipped");
  process.exit(0);
}
if (!existsSync("dist/index.html")) execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--silent"], { stdio: "inherit" });

const server = await serveStatic("dist");
const browser = await launch();
const PAGE = "/how-this-notebook-works/";
const CELL = 'section.cell[data-cell-id="first-cell"]';

const sliderRedraw: number[] = [];
const dragLongTasks: number[] = [];
const firstRun: number[] = [];
const warmRun: number[] = [];
const jsBefore: number[] = [];
const jsAfterRun: number[] = [];
const jsAfterEdit: number[] = [];

for (let r = 0; r < rounds; r++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // gzip size of every script the page fetches (module scripts and the worker).
  const scripts: { url: string; gz: number; at: number }[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!type.includes("javascript")) return;
    const body = await res.body().catch(() => null);
    if (body) scripts.push({ url: res.url(), gz: gzipSync(body).length, at: performance.now() });
  });
  await page.goto(server.url + PAGE, { waitUntil: "networkidle" });
  const sum = () => scripts.reduce((s, x) => s + x.gz, 0);
  jsBefore.push(sum());

  const timeRun = async () => {
    const t = await page.evaluate((sel) => new Promise<number>((resolve) => {
      const out = document.querySelector(`${sel} .cell-output`)!;
      out.replaceChildren();
      const start = performance.now();
      new MutationObserver((_m, obs) => {
        if (out.textContent?.includes("0.880797")) {
          obs.disconnect();
          resolve(performance.now() - start);
        }
      }).observe(out, { childList: true, subtree: true, characterData: true });
      (document.querySelector(`${sel} [data-action="run"]`) as HTMLButtonElement).click();
    }), CELL);
    return t;
  };
  firstRun.push(await timeRun());
  await page.waitForLoadState("networkidle");
  jsAfterRun.push(sum());
  for (let k = 0; k < 5; k++) warmRun.push(await timeRun());
  await page.click(`${CELL} .cell-code`);
  await page.locator(`${CELL} .cm-content`).waitFor();
  await page.waitForLoadState("networkidle");
  jsAfterEdit.push(sum());

  // Slider change → output redrawn, on a light cell that is already warm.
  const DEMO = 'section.cell[data-cell-id="controls-demo"]';
  await page.click(`${DEMO} [data-action="run"]`);
  await page.waitForFunction((sel) => /done/.test(document.querySelector(`${sel} .cell-status`)?.textContent ?? ""), DEMO);
  await page.waitForSelector(`${DEMO} .out-plot svg`);
  for (let k = 1; k <= 8; k++) {
    sliderRedraw.push(await page.evaluate(({ sel, k }) => new Promise<number>((resolve) => {
      const range = document.querySelector<HTMLInputElement>(`${sel} input[type=range]`)!; // weight w: 80 positions on [-4, 4]
      const out = document.querySelector(`${sel} .cell-output`)!;
      const want = `w = ${(1 + 0.1 * k).toFixed(1).replace(/\.0$/, "")},`;
      const oldPlot = out.querySelector(".out-plot svg");
      const start = performance.now();
      new MutationObserver((_m, obs) => {
        const svg = out.querySelector(".out-plot svg");
        if (out.textContent?.includes(want) && svg && svg !== oldPlot) {
          obs.disconnect();
          resolve(performance.now() - start);
        }
      }).observe(out, { childList: true, subtree: true, characterData: true });
      range.value = String(Number(range.value) + 1);
      range.dispatchEvent(new Event("input", { bubbles: true }));
      range.dispatchEvent(new Event("change", { bubbles: true }));
    }), { sel: DEMO, k }));
    await page.waitForFunction((sel) => /done/.test(document.querySelector(`${sel} .cell-status`)?.textContent ?? ""), DEMO);
  }
  // A drag: 60 input events, one per frame, then the release; the longest main-thread task meanwhile.
  dragLongTasks.push(await page.evaluate((sel) => new Promise<number>((resolve) => {
    let longest = 0;
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    });
    obs.observe({ type: "longtask" });
    const range = document.querySelector<HTMLInputElement>(`${sel} input[type=range]`)!;
    let n = 0;
    const tick = () => {
      range.value = String(n % 80);
      range.dispatchEvent(new Event("input", { bubbles: true }));
      if (++n < 60) requestAnimationFrame(tick);
      else {
        range.dispatchEvent(new Event("change", { bubbles: true }));
        setTimeout(() => {
          obs.disconnect();
          resolve(longest);
        }, 500);
      }
    };
    requestAnimationFrame(tick);
  }), DEMO));
  await context.close();
}
await browser.close();
await server.close();

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`page bench (${rounds} fresh pages, ${PAGE}, trivial cell)`);
console.log(`  click-to-output, first Run of a fresh page : ${median(firstRun).toFixed(1)} ms (median)`);
console.log(`  click-to-output, warm                      : ${median(warmRun).toFixed(1)} ms (median of ${warmRun.length})`);
console.log(`  JavaScript before any interaction (gzip)   : ${kb(median(jsBefore))}`);
console.log(`  JavaScript after the first Run (gzip)      : ${kb(median(jsAfterRun))}  (adds the worker)`);
console.log(`  JavaScript after opening the editor (gzip) : ${kb(median(jsAfterEdit))}  (adds CodeMirror)`);
console.log(`  slider change → output redrawn, light cell : ${median(sliderRedraw).toFixed(1)} ms (median of ${sliderRedraw.length}; max ${Math.max(...sliderRedraw).toFixed(1)})`);
console.log(`  longest main-thread task during a drag     : ${median(dragLongTasks).toFixed(1)} ms (median of ${dragLongTasks.length} drags; 0 = none over 50 ms)`);

/**
 * Type checker bench: what the editor's TypeScript service costs a reader.
 * Builds the site if dist/ is missing, serves it on loopback and drives the
 * system Chromium.
 *
 *   node bench/typecheck.bench.ts [rounds=5]
 *
 * Prints the checker worker's size (raw and gzip), the JavaScript a chapter
 * page fetches before any interaction (which must not include the checker),
 * and medians of the time from the editor's first focus to the first
 * diagnostics (this includes the checker's deliberate start delay,
 * client.ts START_DELAY_MS, and the lint debounce): cold (a fresh browser profile, nothing cached) and warm (the
 * same profile reloading the page, the worker's script in the HTTP cache),
 * and of an edit's re-check (keystroke to updated count).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launch, findChromium } from "../test/e2e/browser.ts";
import { serveStatic } from "../test/e2e/static-server.ts";

const rounds = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!findChromium()) {
  console.log("typecheck bench: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH); skipped");
  process.exit(0);
}
if (!existsSync("dist/index.html")) execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--silent"], { stdio: "inherit" });

const server = await serveStatic("dist");
const browser = await launch();
const PAGE = "/neurons-and-layers/";
const CELL = 'section.cell[data-cell-id="neuron"]';

const cold: number[] = [];
const warm: number[] = [];
const clickCold: number[] = [];
const recheck: number[] = [];
const before: number[] = [];
let worker = { url: "", raw: 0, gz: 0 };

/** Focuses the cell's code (mounting the editor) and returns [click → first diagnostics, editor focus → first diagnostics] in ms. */
async function firstDiagnostics(page: Page): Promise<[number, number]> {
  const clickAt = await page.evaluate(() => performance.now());
  await page.click(`${CELL} .cell-code`);
  await page.waitForFunction(() => performance.getEntriesByName("typecheck:first-diagnostics").length > 0, undefined, { timeout: 120_000 });
  return page.evaluate((t0) => {
    const start = performance.getEntriesByName("typecheck:focus")[0].startTime;
    const done = performance.getEntriesByName("typecheck:first-diagnostics")[0].startTime;
    return [done - t0, done - start] as [number, number];
  }, clickAt);
}

for (let r = 0; r < rounds; r++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: { url: string; raw: number; gz: number }[] = [];
  const sizing: Promise<void>[] = [];
  page.on("response", (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!type.includes("javascript")) return;
    sizing.push(res.body().then((body) => void scripts.push({ url: res.url(), raw: body.length, gz: gzipSync(body).length }), () => {}));
  });
  // Every script seen so far, sized. Not `waitForLoadState("networkidle")` once the page is open: Playwright
  // waits for every frame's idle event, and the kernel's frame (created on the click) sometimes never reports
  // one on a busy machine though nothing is in flight (seen: a 30 s timeout with no request pending).
  const sized = () => Promise.all(sizing);
  await page.goto(server.url + PAGE, { waitUntil: "networkidle" });
  await sized();
  before.push(scripts.reduce((s, x) => s + x.gz, 0));
  const known = scripts.length;
  const [click, focus] = await firstDiagnostics(page);
  clickCold.push(click);
  cold.push(focus);
  await sized();
  const biggest = scripts.slice(known).sort((a, b) => b.raw - a.raw)[0];
  if (biggest) worker = biggest;

  // An edit: keystroke to the count under the cell.
  await page.locator(`${CELL} .cm-content`).focus();
  await page.keyboard.press("ControlOrMeta+End");
  recheck.push(
    await page.evaluate(
      (sel) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const timer = setInterval(() => {
            const count = document.querySelector(`${sel} .cell-typecheck`);
            if (count && !(count as HTMLElement).hidden && count.textContent === "1 type error") {
              clearInterval(timer);
              resolve(performance.now() - t0);
            }
          }, 5);
          const view = document.querySelector(`${sel} .cm-content`) as HTMLElement;
          view.focus();
          document.execCommand("insertText", false, '\nconst wrong: number = "1";');
        }),
      CELL,
    ),
  );

  // Warm: the same profile (HTTP cache) opens the page again.
  await page.goto(server.url + PAGE, { waitUntil: "networkidle" });
  warm.push((await firstDiagnostics(page))[1]);
  await context.close();
}
await browser.close();
await server.close();

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${Math.round(x)} ms`;
console.log(`typecheck bench (${rounds} rounds, ${PAGE}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, ${os.cpus().length} cores)`);
console.log(`  checker worker bundle                     : ${kb(worker.raw)} raw, ${kb(worker.gz)} gzip (${worker.url.replace(/^.*\//, "")})`);
console.log(`  JavaScript before any interaction (gzip)  : ${kb(median(before))}`);
console.log(`  first focus to first diagnostics, cold    : ${ms(median(cold))} (median; click on the static code to diagnostics ${ms(median(clickCold))}; includes the 1 s start delay)`);
console.log(`  first focus to first diagnostics, warm    : ${ms(median(warm))} (median; HTTP cache warm)`);
console.log(`  keystroke to updated count, loaded        : ${ms(median(recheck))} (median; includes the 400 ms lint debounce)`);

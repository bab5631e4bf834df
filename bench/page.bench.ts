/**
 * Page benchmark: how fast a reader sees a cell's output, and what a chapter
 * page downloads. Builds the site if dist/ is missing, serves it on loopback
 * and drives the system Chromium.
 *
 *   node bench/page.bench.ts [rounds=7]
 *
 * Prints medians of: click-to-output on the first Run of a fresh page (worker
 * start included) and on warm re-runs; and the JavaScript transferred (gzip)
 * before any interaction, after the first Run, and after the editor opens.
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

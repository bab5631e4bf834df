/**
 * Main-thread long tasks while chapter 8 runs all its cells (the live training
 * cell streams loss curves and the decision map): every task over 50 ms that
 * Chromium's PerformanceObserver reports, from the click on "Run all" until
 * every cell is done.
 */
import type { Browser } from "playwright-core";

export interface LongTaskResult { count: number; longest: number; total: number; seconds: number; tasks: number[] }

export async function longTasksDuringRunAll(browser: Browser, url: string): Promise<LongTaskResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await page.evaluate(() => { (window as unknown as { __long: number[] }).__long = []; });
  const t0 = Date.now();
  await page.locator('[data-notebook="run-all"]').click();
  await page.waitForFunction(
    () => [...document.querySelectorAll("section.cell:not(.exercise-cell) .cell-status")].every((s) => /done|error|stopped|not run/.test(s.textContent ?? "")),
    null,
    { timeout: 300_000, polling: 250 },
  );
  await page.waitForTimeout(500); // the last redraws
  const seconds = (Date.now() - t0) / 1000;
  const tasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  await context.close();
  return { count: tasks.length, longest: Math.max(0, ...tasks), total: tasks.reduce((s, d) => s + d, 0), seconds, tasks };
}

// `node bench/long-tasks.ts URL`: measure one page (e.g. an already running server).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import("../test/e2e/browser.ts");
  const browser = await launch();
  const r = await longTasksDuringRunAll(browser, process.argv[2]);
  console.log(JSON.stringify({ ...r, tasks: r.tasks.map(Math.round) }));
  await browser.close();
}

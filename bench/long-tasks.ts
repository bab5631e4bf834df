/**
 * Main-thread long tasks while chapter 8 runs all its cells (the live training
 * cell streams loss curves and the decision map), from the click on "Run all"
 * until every cell is done, two ways:
 *
 * - wall time: every task over 50 ms that Chromium's PerformanceObserver
 *   reports (what a reader feels; inflated when other processes compete for
 *   the cores);
 * - CPU time: the same tasks in a performance trace, measured by the main
 *   thread's own CPU time (`tdur` of each RunTask), which time spent waiting
 *   for a core does not inflate. On a shared machine this is the figure to
 *   judge the goal by.
 */
import type { Browser } from "playwright-core";

export interface LongTaskResult {
  count: number; longest: number; total: number; seconds: number; tasks: number[];
  /** Main-thread tasks by CPU time (ms): how many over 50, the longest. */
  cpuOver50: number; cpuLongest: number;
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }

/** Main-thread RunTask CPU times (ms) from a Chromium trace: the renderer whose main thread ran the most. */
export function mainThreadTaskCpu(trace: { traceEvents: TraceEvent[] }): number[] {
  const mains = new Set<string>();
  for (const e of trace.traceEvents) if (e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain") mains.add(`${e.pid}:${e.tid}`);
  const byThread = new Map<string, number[]>();
  for (const e of trace.traceEvents) {
    if (e.name !== "RunTask" || e.ph !== "X" || e.tdur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e.tdur / 1000);
  }
  let best: number[] = [];
  for (const tasks of byThread.values()) if (tasks.reduce((s, x) => s + x, 0) > best.reduce((s, x) => s + x, 0)) best = tasks;
  return best;
}

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
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await page.locator('[data-notebook="run-all"]').click();
  await page.waitForFunction(
    () => [...document.querySelectorAll("section.cell:not(.exercise-cell) .cell-status")].every((s) => /done|error|stopped|not run/.test(s.textContent ?? "")),
    null,
    { timeout: 300_000, polling: 250 },
  );
  await page.waitForTimeout(500); // the last redraws
  const seconds = (Date.now() - t0) / 1000;
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const cpu = mainThreadTaskCpu(trace);
  const tasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  await context.close();
  return {
    count: tasks.length, longest: Math.max(0, ...tasks), total: tasks.reduce((s, d) => s + d, 0), seconds, tasks,
    cpuOver50: cpu.filter((t) => t > 50).length, cpuLongest: Math.max(0, ...cpu),
  };
}

// `node bench/long-tasks.ts URL`: measure one page (e.g. an already running server).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import("../test/e2e/browser.ts");
  const browser = await launch();
  const r = await longTasksDuringRunAll(browser, process.argv[2]);
  console.log(JSON.stringify({ ...r, tasks: undefined }));
  await browser.close();
}

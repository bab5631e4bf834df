/**
 * A browser that keeps the sandboxed kernel frame in the page's own process
 * (Chromium with IsolateSandboxedIframes off, as on phones without full site
 * isolation). The page finds out with a probe (src/runtime/kernel-frame.ts
 * `frameIsolation`) in which the frame busy-waits on the thread it shares with
 * the page: the reader is told, cells still run, and the probe never holds the
 * page long (it once waited 200 ms, twice, on every kernel start).
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("a kernel frame in the page's process (Chromium, sandboxed frames not isolated)", () => {
  const site = useSite(["--disable-features=IsolateSandboxedIframes", "--disable-site-isolation-trials"]);

  it("says so, runs cells, and the probe that found out holds the page for no long task", async () => {
    const page = await site.browser().newPage({ viewport: { width: 1200, height: 900 } });
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push(e.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      await page.goto(site.url() + "/how-this-notebook-works/");
      // The kernel starts at idle (the first cell is on the first screens); the probe runs after the first Run.
      const cell = 'section.cell[data-cell-id="first-cell"]';
      await page.locator(`${cell} [data-action="run"]`).click();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes("0.880797"), `${cell} .cell-output`, { timeout: 20_000 });
      await page.waitForFunction(() => document.querySelector<HTMLElement>(".notebook-status")?.dataset.kernelProcess, null, { timeout: 20_000 });
      expect(await page.evaluate(() => document.querySelector<HTMLElement>(".notebook-status")?.dataset.kernelProcess)).toBe("shared");
      await expect(page.locator(".notebook-note").textContent()).resolves.toContain("page's own process");
      // Each try is one task of the page's, a 20 ms busy wait; loading the page, starting the frame and the Run take
      // 50–80 ms here at most. The old probe's 200 ms waits would be over this bound on any machine.
      const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
      expect(longest).toBeLessThan(190);
      // A second Run works after the probe.
      await page.locator(`${cell} [data-action="run"]`).click();
      await page.waitForFunction((sel) => /done/.test(document.querySelector(sel)?.textContent ?? ""), `${cell} .cell-status`, { timeout: 20_000 });
    } finally {
      await page.close();
    }
  }, 60_000);
});

/**
 * Nothing on a chapter's first screen jumps while the page loads, on a phone:
 * the table of contents is folded before it is drawn (ChapterPage.astro), and
 * prose skipped by `content-visibility: auto` starts only below the first
 * section (Base.astro), so no block is drawn at its placeholder height first.
 * Measured as Lighthouse does, by the page's own layout-shift entries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const PAGES = ["/activation-functions/", "/backpropagation/", "/cheat-sheet/", "/zh/training-end-to-end/"];

describe.skipIf(!hasBrowser)("layout shift at load on a 412 px phone (Chromium)", () => {
  const site = useSite();
  let context: BrowserContext;
  beforeAll(async () => {
    context = await site.browser().newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      const w = window as unknown as { __shifts: string[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node | null }[] })[]) {
          const where = (e.sources ?? []).map((s) => (s.node instanceof Element ? s.node.tagName.toLowerCase() + (s.node.id ? `#${s.node.id}` : s.node.className ? `.${s.node.className}` : "") : "?")).join(", ");
          w.__shifts.push(`${e.value.toFixed(3)} (${where})`);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
  });
  afterAll(() => context?.close());

  it.each(PAGES)("%s loads without a layout shift over 0.01", async (path) => {
    const page = await context.newPage();
    await page.goto(site.url() + path, { waitUntil: "load" });
    await page.waitForTimeout(1000);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
    await page.close();
    expect(shifts.filter((s) => parseFloat(s) > 0.01)).toEqual([]);
  });
});

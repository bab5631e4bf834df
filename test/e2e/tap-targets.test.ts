/**
 * Phones: every built page at 390 px, in both editions, as built (no Run all).
 *
 * - Tap targets (WCAG 2.5.8): axe-core's `target-size` rule (off by default) —
 *   each control at least 24×24 CSS px, or spaced so a 24 px circle on it
 *   touches no other target. Links inside prose are exempt, as WCAG exempts
 *   inline links, and axe leaves them out the same way. The table of contents
 *   and the chapter menu are opened first, so their links are measured too.
 * - The header at 390 and 320 px: nothing sticks out of the viewport and no
 *   item wraps onto a second line (the site name once wrapped mid-title).
 *
 * One browser context for the whole suite and one rule per axe run, so it
 * stays a fraction of a minute for all pages.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { builtPages } from "../../src/integrations/sitemap.ts";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PAGES = builtPages("dist");

type Axe = { run: (ctx: object, o: object) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> };

async function targetSizeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: Axe }).axe;
    const context = sel ? { include: [[sel]] } : { exclude: [["iframe.kernel-frame"]] };
    const r = await axe.run(context, { runOnly: { type: "rule", values: ["target-size"] }, resultTypes: ["violations"] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ").trim()}`));
  }, include);
}

/** Header items that leave the viewport or wrap onto a second line, described. */
async function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>(".site-header");
    if (!header) return ["no .site-header"];
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (header.scrollWidth > header.clientWidth + 1) problems.push(`header overflows: ${header.scrollWidth} > ${header.clientWidth}`);
    const items = header.querySelectorAll<HTMLElement>(".brand, nav a, nav summary, .search-open, .theme-select");
    for (const el of items) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = `${el.className || el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`;
      if (box.left < -1 || box.right > width + 1) problems.push(`${name} is outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      // One line: the text's line boxes (getClientRects of its text) all share one top.
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`${name} wraps onto ${tops.size} lines`);
    }
    return problems;
  });
}

/** Opens what a phone folds away: the table of contents and the chapter menu. */
async function openFolds(page: Page): Promise<void> {
  const toggle = page.locator(".toc-toggle");
  if ((await toggle.count()) && (await toggle.isVisible())) await toggle.click();
}

describe.skipIf(!hasBrowser)("phones: tap targets and the header at 390 px", () => {
  const site = useSite();
  let context: BrowserContext | undefined;
  let page: Page;

  const open = async (path: string, width: number) => {
    if (!context) {
      context = await site.browser().newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      page = await context.newPage();
    }
    await page.setViewportSize({ width, height: 844 });
    await page.goto(site.url() + path);
    // Blocks off screen skip layout (content-visibility, Base.astro) and would be measured at placeholder sizes.
    await page.addStyleTag({ content: "main.chapter > * { content-visibility: visible !important; }" });
  };

  it.each(PAGES)("%s: every tap target is at least 24 px or spaced apart", async (path) => {
    await open(path, 390);
    await openFolds(page);
    const found = await targetSizeViolations(page);
    const menu = page.locator(".chapter-menu > summary");
    if (await menu.count()) {
      await menu.click();
      found.push(...(await targetSizeViolations(page, ".chapter-menu")).map((v) => `menu open: ${v}`));
    }
    expect(found).toEqual([]);
  });

  it.each(PAGES.filter((p) => p === "/" || p === "/zh/" || /^\/(zh\/)?backpropagation\/$/.test(p)))("%s: the header fits at 390 and 320 px, light and dark", async (path) => {
    const problems: string[] = [];
    for (const width of [390, 320]) {
      for (const scheme of ["light", "dark"] as const) {
        await open(path, width);
        await page.emulateMedia({ colorScheme: scheme });
        problems.push(...(await headerProblems(page)).map((p) => `${width} px ${scheme}: ${p}`));
      }
    }
    await page.emulateMedia({ colorScheme: null });
    expect(problems).toEqual([]);
  });
});

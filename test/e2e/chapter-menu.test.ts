/**
 * The header's chapter menu on chapter pages (src/components/ChapterMenu.astro,
 * chapter-menu.ts): every chapter of the edition in course order with the
 * current one marked, reference pages apart; opened and closed from the
 * keyboard, closed by Escape (focus back on its button) and by a click
 * outside; axe-clean when open; on a phone a panel inside the screen that
 * scrolls; and without JavaScript still a working disclosure.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { axeViolations } from "./axe.ts";
import { useSite } from "./site.ts";

const SUMMARY = ".chapter-menu > summary";
const isOpen = (page: Page) => page.locator(".chapter-menu").evaluate((d) => (d as HTMLDetailsElement).open);
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()} ${el.textContent?.trim().replace(/\s+/g, " ")}` : "";
});

describe.skipIf(!hasBrowser)("chapter menu", () => {
  const site = useSite();

  async function open(path: string, options: { width?: number; javaScript?: boolean } = {}) {
    const context = await site.browser().newContext({ viewport: { width: options.width ?? 1200, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url() + path);
    return { page, context, errors };
  }

  it("lists the edition's chapters in order, reference pages apart, the current one marked", async () => {
    for (const [path, first, kicker] of [["/backpropagation/", "How this notebook works", "5"], ["/zh/backpropagation/", "如何使用本笔记本", "5"]] as const) {
      const { page, context, errors } = await open(path);
      const lists = page.locator(".chapter-menu-panel ul");
      expect(await lists.count()).toBe(2);
      const chapters = await lists.nth(0).locator("a").evaluateAll((as) => as.map((a) => ({
        href: a.getAttribute("href"), number: a.querySelector(".chapter-menu-number")?.textContent, current: a.getAttribute("aria-current"), text: a.textContent?.trim(),
      })));
      expect(chapters.map((c) => c.number)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
      expect(chapters[0].text).toContain(first);
      const prefix = path.startsWith("/zh/") ? "/zh/" : "/";
      expect(chapters.every((c) => c.href!.startsWith(prefix) && c.href!.endsWith("/"))).toBe(true);
      expect(chapters.filter((c) => c.current === "page")).toEqual([expect.objectContaining({ number: kicker, href: path })]);
      const reference = await lists.nth(1).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(reference).toEqual([`${prefix}cheat-sheet/`, `${prefix}glossary/`]);
      expect(await page.locator(".chapter-menu-index").getAttribute("href")).toBe(prefix);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("opens with Enter and Space, Tab walks its links, Escape closes it and returns focus, a click outside closes it", async () => {
    const { page, context, errors } = await open("/gradient-descent/");
    await page.locator(SUMMARY).focus();
    await page.keyboard.press("Enter");
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a 0 How this notebook works");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^a 1 /);
    await page.keyboard.press("Escape");
    expect(await isOpen(page)).toBe(false);
    expect(await focused(page)).toMatch(/^summary /);
    await page.keyboard.press(" ");
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await isOpen(page)).toBe(false);
    await page.locator(SUMMARY).click();
    expect(await isOpen(page)).toBe(true);
    await page.locator("main h1").click();
    expect(await isOpen(page)).toBe(false);
    // Tabbing out past the last link closes it too, so it never hides what focus moved to.
    await page.locator(SUMMARY).click();
    await page.locator(".chapter-menu-index").focus();
    await page.keyboard.press("Tab");
    expect(await isOpen(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("has no axe violations when open, in light and dark", async () => {
    const { page, context } = await open("/zh/optimizers/");
    await page.locator(SUMMARY).click();
    expect(await axeViolations(page, ".site-header")).toEqual([]);
    await context.close();
  });

  it("at 390 px is a panel inside the screen that scrolls, and a chapter link in it works", async () => {
    const { page, context } = await open("/loss-functions/", { width: 390 });
    await page.setViewportSize({ width: 390, height: 500 });
    await page.locator(SUMMARY).click();
    const box = await page.locator(".chapter-menu-panel").evaluate((p) => {
      const r = p.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, scrolls: p.scrollHeight > p.clientHeight, overflowY: getComputedStyle(p).overflowY };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    expect(box.bottom).toBeLessThanOrEqual(500);
    expect(box).toMatchObject({ scrolls: true, overflowY: "auto" });
    await page.locator(".chapter-menu-panel a", { hasText: "Glossary" }).click();
    await page.waitForURL(/\/glossary\/$/);
    await context.close();
  });

  it("works without JavaScript: the summary opens the list, and off chapter pages it is a link to the index", async () => {
    const { page, context } = await open("/optimizers/", { javaScript: false });
    expect(await page.locator(".chapter-menu-panel").isVisible()).toBe(false);
    await page.locator(SUMMARY).click();
    expect(await page.locator(".chapter-menu-panel").isVisible()).toBe(true);
    await page.goto(site.url() + "/zh/");
    expect(await page.locator(".chapter-menu").count()).toBe(0);
    expect(await page.locator('.site-header nav > a[aria-current="page"]').getAttribute("href")).toBe("/zh/");
    await context.close();
  });
});

/**
 * The Chinese edition in Chromium: a Chinese chapter runs all its cells, an
 * exercise's Check reports in Chinese, the language switch goes both ways and
 * lands on the same section, and an English page offers the Chinese edition
 * (once) to a reader whose browser prefers Chinese. (axe on every Chinese page:
 * a11y.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const CHAPTER = "/zh/how-this-notebook-works/";
const EXERCISE = 'section.exercise[data-exercise="00-how-this-notebook-works/square-derivative"]';
const CJK = /[\u3400-\u9fff]/;
const CELL_STATUS = "section.cell:not(.exercise-cell) .cell-status";

describe.skipIf(!hasBrowser)("the Chinese edition in Chromium", () => {
  const site = useSite();

  it("runs all cells of a Chinese chapter and checks an exercise with a Chinese report", async () => {
    const context = await site.browser().newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url() + CHAPTER);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator('[data-notebook="run-all"]').textContent()).toMatch(CJK);

    await page.locator('[data-notebook="run-all"]').click();
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll<HTMLElement>(sel)].every((s) => ["done", "error", "stopped", "skipped"].includes(s.dataset.state ?? "")),
      CELL_STATUS,
      { timeout: 120_000, polling: 250 },
    );
    const states = await page.locator(CELL_STATUS).evaluateAll((els) => els.map((s) => (s as HTMLElement).dataset.state));
    expect(states.every((s) => s === "done"), states.join(" ")).toBe(true);
    // Statuses are Chinese too.
    expect(await page.locator(CELL_STATUS).first().textContent()).toMatch(CJK);

    const ex = page.locator(EXERCISE);
    await ex.locator('[data-action="run"]').click();
    const result = ex.locator(".exercise-result");
    await page.waitForFunction((el) => (el?.textContent ?? "").length > 20 && !/…$/.test(el?.textContent ?? ""), await result.elementHandle(), { timeout: 30_000 });
    await page.waitForTimeout(300);
    const report = (await result.textContent()) ?? "";
    expect(report).toMatch(CJK);
    expect(report).not.toMatch(/relative error|Not yet|Passed/);
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);

  it("switches language both ways, landing on the same section", async () => {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    await page.goto(site.url() + "/how-this-notebook-works/");
    const section = page.locator("main h2[id]").nth(2);
    const id = await section.getAttribute("id");
    await section.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY + 5));
    await page.waitForTimeout(1000); // the reader rests there, then goes up to the switch
    await page.locator("a.lang-switch").click();
    await page.waitForURL(/\/zh\/how-this-notebook-works\//);
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.evaluate(() => localStorage.getItem("hnl-lang"))).toBe("zh-CN");
    // And back, to the same section of the English page (the reader is still there).
    await page.waitForTimeout(1000);
    await page.locator("a.lang-switch").click();
    await page.waitForURL((u) => !u.pathname.startsWith("/zh/"));
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await page.evaluate(() => localStorage.getItem("hnl-lang"))).toBe("en");
    await context.close();
  });

  it("offers the Chinese edition on an English page to a Chinese browser, until dismissed", async () => {
    const context = await site.browser().newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(site.url() + "/how-this-notebook-works/");
    const offer = page.locator(".lang-offer");
    await offer.waitFor({ state: "visible" });
    expect(await offer.getAttribute("lang")).toBe("zh-CN");
    await offer.locator("[data-lang-dismiss]").click();
    await page.reload();
    await page.waitForTimeout(300);
    expect(await offer.isVisible()).toBe(false);
    await context.close();
    const english = await site.browser().newContext({ locale: "en-GB" });
    const p2 = await english.newPage();
    await p2.goto(site.url() + "/how-this-notebook-works/");
    await p2.waitForTimeout(300);
    expect(await p2.locator(".lang-offer").isVisible()).toBe(false);
    await english.close();
  });
});

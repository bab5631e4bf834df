/**
 * Search (src/components/site-search.ts) against the built site: the Pagefind
 * index written by src/integrations/search-index.ts, opened with `/`, a query,
 * and a result that opens its section.
 */
import { describe, expect, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("search in Chromium", () => {
  const site = useSite();

  it("finds a term with / and opens the section it is in", async () => {
    const page = await site.browser().newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url() + "/how-this-notebook-works/");
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search-input");
    // "vanishing gradients": a section of chapter 5 (and lines in chapter 2, the cheat sheet and the glossary).
    await page.keyboard.type("vanishing gradients");
    await page.locator(".search-result").first().waitFor({ timeout: 15_000 });
    expect(await page.locator(".search-status").textContent()).toMatch(/^\d+ pages? found for “vanishing gradients”$/);
    expect(await axeViolations(page, ".search-dialog")).toEqual([]);
    const first = page.locator(".search-result-title").first();
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^\/[a-z-]+\/#[a-z0-9-]+$/);
    const [path, id] = href.split("#");
    await first.click();
    await page.waitForURL((u) => u.pathname === path && u.hash === `#${id}`);
    // The section is there, on screen, and holds the words searched for.
    const section = page.locator(`[id="${id}"]`);
    await expect(section.isVisible()).resolves.toBe(true);
    const box = (await section.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.y).toBeLessThan(800);
    const text = await page.evaluate((id) => {
      // The heading and the text up to the next heading of the same or higher level.
      const h = document.getElementById(id)!;
      let s = h.textContent ?? "";
      for (let n = h.nextElementSibling; n && !/^H[1-3]$/.test(n.tagName); n = n.nextElementSibling) s += " " + n.textContent;
      return s.toLowerCase();
    }, id);
    expect(text).toContain("vanish");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on a Chinese page, finds Chinese terms in the Chinese edition and opens the section", async () => {
    const page = await site.browser().newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(site.url() + "/zh/how-this-notebook-works/");
    const open = async () => {
      await page.locator(".search-open").click();
      await page.locator("#search-input").waitFor({ state: "visible" });
    };
    for (const query of ["反向传播", "学习率", "梯度消失"]) {
      await open();
      await page.locator("#search-input").fill(query);
      await page.locator(".search-result").first().waitFor({ timeout: 15_000 });
      const hrefs = await page.locator(".search-result-title").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length, query).toBeGreaterThan(0);
      expect(hrefs.every((h) => h.startsWith("/zh/")), `${query}: ${hrefs.join(" ")}`).toBe(true);
      expect((await page.locator(".search-status").textContent()) ?? "").toMatch(/[\u3400-\u9fff]/);
      await page.keyboard.press("Escape");
      if (await page.locator(".search-dialog").isVisible()) await page.keyboard.press("Escape");
      await page.locator(".search-dialog").waitFor({ state: "hidden" });
    }
    const first = page.locator(".search-result-title").first();
    await open();
    await page.locator("#search-input").fill("梯度消失");
    await first.waitFor({ timeout: 15_000 });
    const href = (await first.getAttribute("href"))!;
    await first.click();
    await page.waitForURL((u) => u.pathname + u.hash === href);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.close();
  });

  it("opens from the header button, closes with Escape and gives focus back", async () => {
    const page = await site.browser().newPage();
    await page.goto(site.url() + "/glossary/");
    await page.locator(".search-open").click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search-input");
    // `/` typed into the search field is text, not a second open.
    await page.keyboard.type("a/b");
    expect(await page.locator("#search-input").inputValue()).toBe("a/b");
    // Escape clears the field first (Chromium's search input), then closes the dialog.
    await page.keyboard.press("Escape");
    if (await page.locator(".search-dialog").isVisible()) {
      expect(await page.locator("#search-input").inputValue()).toBe("");
      await page.keyboard.press("Escape");
    }
    await expect(page.locator(".search-dialog").isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe("search-open");
    await page.close();
  });
});

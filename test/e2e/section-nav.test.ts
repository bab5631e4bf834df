/**
 * Heading anchors and the table of contents' current section
 * (src/components/section-nav.ts) on a chapter page.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("section navigation in Chromium", () => {
  const site = useSite();

  it("gives each heading a link that shows on focus, and marks the section being read in the contents", async () => {
    const page = await site.browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url() + "/backpropagation/");
    const current = () => page.locator(".toc a[aria-current]").textContent();
    expect(await current()).toBe("What you will learn"); // at the top, before anything scrolls

    const anchor = page.locator("#computational-graphs .heading-anchor");
    expect(await anchor.getAttribute("href")).toBe("#computational-graphs");
    expect(await anchor.getAttribute("aria-label")).toBe("Link to the section “Computational graphs”");
    const opacity = () => anchor.evaluate((el) => getComputedStyle(el).opacity);
    expect(await opacity()).toBe("0");
    await anchor.focus();
    expect(await opacity()).toBe("1");

    await page.evaluate(() => document.getElementById("vanishing-gradients")!.scrollIntoView());
    // That heading, or its first subsection when that too is within the top third of the window.
    await expect.poll(current).toMatch(/^(Vanishing gradients|The product of many small factors)$/);
    await page.close();
  });
});

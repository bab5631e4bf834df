/**
 * The glossary on a phone (390 px): each term's row stacks as a block (term, its
 * other-language name, the meaning), so the term table never scrolls sideways,
 * in either edition; it is still a table to assistive technology (Chromium's
 * accessibility tree keeps its rows and cells) and axe finds nothing in it.
 */
import { describe, expect, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const TERMS = 'main table:has(span[id^="term-"])';

describe.skipIf(!hasBrowser)("the glossary at 390 px", () => {
  const site = useSite();

  it.each(["/glossary/", "/zh/glossary/"])("%s: terms stack without sideways scrolling and stay a table", async (path) => {
    const context = await site.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.url() + path);
    const table = page.locator(TERMS);
    expect(await table.count()).toBe(1);
    const { scrollWidth, clientWidth, rows, stacked } = await table.evaluate((t) => {
      const row = t.querySelector("tbody tr")!;
      const [term, , meaning] = [...row.querySelectorAll("td")].map((td) => td.getBoundingClientRect());
      return { scrollWidth: t.scrollWidth, clientWidth: t.clientWidth, rows: t.querySelectorAll("tbody tr").length, stacked: meaning.top >= term.bottom - 1 };
    });
    expect(scrollWidth, "the term table scrolls sideways").toBeLessThanOrEqual(clientWidth);
    expect(stacked, "the meaning sits below its term").toBe(true);

    // Chromium's own accessibility tree, not a guess from the DOM: the table keeps its header and one row per term.
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { role?: { value?: string } }[] };
    const count = (role: string) => nodes.filter((n) => n.role?.value === role).length;
    expect(count("table")).toBeGreaterThanOrEqual(1);
    expect(count("row")).toBeGreaterThanOrEqual(rows + 1);
    expect(count("columnheader")).toBeGreaterThanOrEqual(3);

    expect(await axeViolations(page, TERMS)).toEqual([]);
    await context.close();
  });
});

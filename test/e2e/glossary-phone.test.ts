/**
 * The glossary on a phone (390 px): the terms stand in one table per initial
 * letter, each under its letter's heading (test/content/glossary.test.ts). In
 * every one of those tables each term's row stacks as a block (term, its
 * other-language name, the meaning), so no term table scrolls sideways, in
 * either edition; each is still a table to assistive technology (Chromium's
 * accessibility tree keeps its header row, its rows and its cells), and axe
 * finds nothing in the tables or their headings.
 */
import { describe, expect, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const TERMS = 'main table:has(span[id^="term-"])';
const INITIALS = 'main h3:has(span[id^="initial-"])';

describe.skipIf(!hasBrowser)("the glossary at 390 px", () => {
  const site = useSite();

  it.each(["/glossary/", "/zh/glossary/"])("%s: every term table stacks its rows without sideways scrolling and stays a table", async (path) => {
    const context = await site.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.url() + path);
    const tables = await page.locator(TERMS).count();
    expect(tables, "one term table per initial's heading").toBe(await page.locator(INITIALS).count());
    expect(tables).toBeGreaterThan(15);

    // Every table is drawn, as each is once a reader scrolls to it: a table far from the viewport skips rendering
    // (content-visibility: auto), its box is its placeholder's, and without an assistive technology attached
    // Chromium's accessibility tree holds it as a table without rows. (With one attached, Chromium builds the
    // whole tree, rows of skipped tables included.) Drawing them all at once, as the accessibility suite does,
    // checks the same layout as scrolling to each, in one pass.
    await page.addStyleTag({ content: "main.chapter > * { content-visibility: visible !important; }" });
    const cdp = await context.newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("Accessibility.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: TERMS });
    expect(nodeIds.length).toBe(tables);
    const measured = await page.locator(TERMS).evaluateAll((all) => all.map((t) => {
      const name = t.querySelector("span[id^='term-']")!.id;
      const wrong: string[] = [];
      if (t.scrollWidth > t.clientWidth) wrong.push(`scrolls sideways: ${t.scrollWidth} > ${t.clientWidth}`);
      for (const row of t.querySelectorAll("tbody tr")) {
        const [term, , meaning] = [...row.querySelectorAll("td")].map((td) => td.getBoundingClientRect());
        if (meaning.top < term.bottom - 1) wrong.push(`the meaning of ${row.querySelector("span[id^='term-']")!.id} sits beside its term`);
      }
      return { name, rows: t.querySelectorAll("tbody tr").length, wrong };
    }));
    const problems: string[] = [];
    for (const [i, found] of measured.entries()) {
      // Chromium's own accessibility tree, not a guess from the DOM: the table keeps its header and one row per term.
      const role = async (r: string) => (await cdp.send("Accessibility.queryAXTree", { nodeId: nodeIds[i], role: r })).nodes.length;
      const ax = { table: await role("table"), rows: await role("row"), columnheaders: await role("columnheader") };
      if (ax.table !== 1 || ax.rows !== found.rows + 1 || ax.columnheaders !== 3) found.wrong.push(`accessibility tree: ${JSON.stringify(ax)}, ${found.rows} terms`);
      problems.push(...found.wrong.map((w) => `table ${i + 1} (${found.name}…): ${w}`));
    }
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways} px`);
    expect(problems).toEqual([]);

    expect(await axeViolations(page, `${TERMS}, ${INITIALS}`)).toEqual([]);
    await context.close();
  });
});

/**
 * Finding and driving a page's cells, shared by the e2e suites that work on a
 * chapter's notebook. `page` is a getter because suites open a fresh page per
 * test.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";

/** States a cell rests in after a run (its `data-state`; the text is in the page's language). */
const SETTLED = /done|error|stopped|not run/;

export function cellHelpers(page: () => Page) {
  const cell = (id: string) => page().locator(`section.cell[data-cell-id="${id}"]`);
  const status = (id: string) => cell(id).locator(".cell-status");
  const output = (id: string) => cell(id).locator(".cell-output");
  const waitStatus = (id: string, re: RegExp, timeout = 20_000) =>
    page().waitForFunction(
      ([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ""),
      [`section.cell[data-cell-id="${id}"] .cell-status`, re.source] as const,
      { timeout },
    );
  const run = async (id: string, timeout = 20_000) => {
    await cell(id).locator('[data-action="run"]').click();
    await waitStatus(id, SETTLED, timeout);
  };
  /** Replaces a cell's code through the editor, as a reader would (click, select all, type). */
  const edit = async (id: string, code: string) => {
    await cell(id).locator(".cell-code").click();
    await cell(id).locator(".cm-content").waitFor();
    await cell(id).locator(".cm-content").focus();
    await page().keyboard.press("ControlOrMeta+A");
    await page().keyboard.insertText(code);
  };
  // The lines' text, not innerText: a cell off screen skips rendering (content-visibility) and has no innerText.
  const editorText = (id: string) => cell(id).locator(".cm-content").evaluate((el) => [...el.querySelectorAll(".cm-line")].map((l) => l.textContent).join("\n"));
  return { cell, status, output, waitStatus, run, edit, editorText };
}

/** A fresh context and page at desktop size, collecting the page's uncaught errors. */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

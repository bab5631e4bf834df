/**
 * Sharing a cell (src/components/cell-share.ts): Share copies a link that
 * carries the cell's code; opening it shows that code under a banner, runs
 * nothing, and keeps the reader's own saved edit until they choose.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const CHAPTER = "/how-this-notebook-works/";

describe.skipIf(!hasBrowser)("shared cells in Chromium", () => {
  const site = useSite();

  it("opens a shared link with the banner, does not run it, and never overwrites the reader's edit without asking", async () => {
    const context = await site.browser().newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url() + CHAPTER);
    const cell = page.locator('section.cell[data-cell-id="first-cell"]');
    const editorText = () => cell.locator(".cm-content").evaluate((el) => (el as HTMLElement).innerText);
    const edit = async (code: string) => {
      await cell.locator(".cell-code").click();
      await cell.locator(".cm-content").waitFor();
      await cell.locator(".cm-content").focus();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(code);
    };

    // A sharer edits the cell and copies its link.
    await edit("const shared = 6 * 7;\nshared");
    await cell.locator('[data-action="share"]').click();
    await expect.poll(() => cell.locator(".cell-notice").textContent()).toMatch(/^Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/how-this-notebook-works\/#share-v1:first-cell:[A-Za-z0-9_-]+$/);

    // The reader (another browser profile) has their own saved edit of that cell.
    const reader = await site.browser().newContext();
    const rp = await reader.newPage();
    rp.on("pageerror", (e) => errors.push(e.message));
    await rp.goto(site.url() + CHAPTER);
    const rcell = rp.locator('section.cell[data-cell-id="first-cell"]');
    const rtext = () => rcell.locator(".cm-content").evaluate((el) => (el as HTMLElement).innerText);
    await rcell.locator(".cell-code").click();
    await rcell.locator(".cm-content").waitFor();
    await rcell.locator(".cm-content").focus();
    await rp.keyboard.press("ControlOrMeta+A");
    await rp.keyboard.insertText("'my own work'");
    await rp.waitForTimeout(500); // saves are debounced by 300 ms

    // They open the link: the shared code, the banner, nothing run.
    await rp.goto(link);
    await rp.reload();
    const notice = rcell.locator(".cell-notice");
    await expect.poll(() => notice.textContent()).toMatch(/^Shared code — not run\. Run to execute it, Discard to return to yours\./);
    await expect.poll(rtext).toContain("6 * 7");
    expect(await rcell.locator(".cell-status").textContent()).toBe("idle");
    expect(await rcell.locator(".cell-output").textContent()).toBe("");
    await rp.waitForTimeout(500);
    // Their saved edit is untouched: a reload without the link shows it.
    const stored = await rp.evaluate(() => JSON.stringify(localStorage));
    expect(stored).toContain("my own work");
    expect(stored).not.toContain("6 * 7");

    // Run is the reader's click.
    await notice.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => rcell.locator(".cell-output").textContent(), { timeout: 20_000 }).toContain("42");

    // Keep as my edit asks, because it would replace their edit; Cancel goes back to the banner.
    await notice.getByRole("button", { name: "Keep as my edit" }).click();
    expect(await notice.textContent()).toMatch(/^Replace your saved edit/);
    await notice.getByRole("button", { name: "Cancel" }).click();
    // Discard returns to their own code.
    await notice.getByRole("button", { name: "Discard" }).click();
    await expect.poll(rtext).toContain("my own work");
    expect(await notice.isVisible()).toBe(false);
    expect(new URL(rp.url()).hash).toBe("");

    expect(errors).toEqual([]);
    await reader.close();
    await context.close();
  });

  it("rejects a damaged link with a message naming the problem", async () => {
    const page = await site.browser().newPage();
    await page.goto(site.url() + CHAPTER + "#share-v1:first-cell:AAAA");
    const notice = page.locator('section.cell[data-cell-id="first-cell"] .cell-notice');
    await expect.poll(() => notice.textContent()).toMatch(/^the shared link is damaged, its code could not be read: it is not compressed code/);
    await page.goto(site.url() + CHAPTER + "#share-v1:no-such-cell:AAAA");
    await page.reload();
    await expect.poll(() => page.locator(".notebook-status").textContent()).toBe("the shared link names a cell this page does not have: no-such-cell");
    await page.close();
  });
});

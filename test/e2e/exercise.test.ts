/**
 * A self-graded exercise in Chromium: fail it, read why, reveal a hint, pass
 * it, reload and see it still passed, and find it counted on the course index.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { waitForSavedEdit } from "./saved-edits.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("exercises in Chromium", () => {
  const site = useSite();

  it("fails the starter with a teaching message, passes a correct answer, and remembers it", async () => {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url() + "/how-this-notebook-works/");
    const ex = page.locator('section.exercise[data-exercise="00-how-this-notebook-works/square-derivative"]');
    const result = ex.locator(".exercise-result");
    const settled = async () => page.waitForFunction(
      (el) => !!el && !/Checking/.test(el.textContent ?? "") && (el.textContent ?? "").length > 0,
      await result.elementHandle(),
      { timeout: 20_000 },
    );
    expect(await ex.locator(".exercise-state").textContent()).toBe("not tried");
    expect(await ex.locator('[data-exercise-action="solution"]').isDisabled()).toBe(true);

    // 1. The starter fails, and the report says where and by how much.
    await ex.locator('[data-action="run"]').click();
    await settled();
    const failed = await result.textContent();
    expect(failed).toMatch(/fPrime\([−-]?\d/); // names the input (negatives are written with a real minus sign)
    expect(failed).toMatch(/relative error/);
    expect(failed).toMatch(/seed \d+/);
    expect(await ex.locator(".exercise-headline.fail").count()).toBe(1);
    expect(await ex.locator(".exercise-state").textContent()).toBe("tried");
    await ex.locator(".exercise-result svg").first().waitFor({ timeout: 10_000 }); // analytic vs numeric plot
    expect(await ex.locator('[data-exercise-action="solution"]').isDisabled()).toBe(false);

    // 2. A hint, then the next one.
    await ex.locator('[data-exercise-action="hint"]').click();
    expect(await ex.locator(".exercise-hints li:not([hidden])").count()).toBe(1);

    // 3. A correct answer passes (typed in the editor, checked from the keyboard).
    await ex.locator(".cell-code").click();
    await ex.locator(".cm-content").waitFor();
    await ex.locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("export function fPrime(x: number): number {\n  return 2 * x + 3;\n}\n");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction((el) => /Passed/.test(el?.textContent ?? ""), await result.elementHandle(), { timeout: 20_000 });
    expect(await ex.locator(".exercise-state").textContent()).toMatch(/passed/);

    // 4. A later failed attempt does not undo the pass: the headline says this check failed, the state stays passed.
    await ex.locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("export function fPrime(x: number): number {\n  return 2 * x - 3;\n}\n");
    await ex.locator('[data-action="run"]').click();
    await ex.locator(".exercise-headline.fail").waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toMatch(/fPrime\([−-]?\d/);
    expect(await ex.locator(".exercise-state").textContent()).toMatch(/passed/);

    // Reload keeps both the latest answer (the failed one, saved once the debounce fires) and the passed state.
    await waitForSavedEdit(page, "2 * x - 3");
    await page.reload();
    expect(await ex.locator(".exercise-state").textContent()).toMatch(/passed/);
    await ex.locator(".cm-content").waitFor();
    expect(await ex.locator(".cm-content").innerText()).toContain("2 * x - 3");

    // 5. The course index counts it.
    await page.goto(site.url() + "/");
    const chapter = page.locator('li[data-chapter="how-this-notebook-works"] .chapter-progress-text');
    await expect.poll(() => chapter.textContent()).toMatch(/^1 of \d+ exercises? passed/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("times out a learner's endless loop without freezing the page or touching the notebook scope", async () => {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    await page.goto(site.url() + "/how-this-notebook-works/");
    // Something in the notebook scope first.
    await page.locator('section.cell[data-cell-id="scope-define"] [data-action="run"]').click();
    await page.waitForFunction(() => /done/.test(document.querySelector('[data-cell-id="scope-define"] .cell-status')?.textContent ?? ""));
    await page.locator('section.cell[data-cell-id="scope-use"] [data-action="run"]').click();
    await page.waitForFunction(() => /done/.test(document.querySelector('[data-cell-id="scope-use"] .cell-status')?.textContent ?? ""));
    const scopeUse = page.locator('section.cell[data-cell-id="scope-use"] .cell-output');
    expect((await scopeUse.textContent())?.trim()).toBe("2"); // runs counted twice
    const ex = page.locator("section.exercise").first();
    await ex.locator(".cell-code").click();
    await ex.locator(".cm-content").waitFor();
    await ex.locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("export function fPrime(x: number): number {\n  while (true) {}\n}\n");
    await ex.locator('[data-action="run"]').click();
    const t0 = Date.now();
    await page.locator('section.cell[data-cell-id="first-cell"] [data-action="reset"]').click(); // the page still answers
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.waitForFunction(() => /Time-out/.test(document.querySelector("section.exercise .exercise-result")?.textContent ?? ""), null, { timeout: 30_000 });
    // The notebook's scope survived: the same `runs` counts on from 2 to 4. After a scope reset the
    // notebook would re-run scope-define first and show 2 again.
    await page.locator('section.cell[data-cell-id="scope-use"] [data-action="run"]').click();
    await expect.poll(() => scopeUse.textContent().then((t) => t?.trim()), { timeout: 20_000 }).toBe("4");
    expect(await page.locator('section.cell[data-cell-id="scope-use"] .cell-status').textContent()).not.toMatch(/scope reset/);
    await context.close();
  });
});

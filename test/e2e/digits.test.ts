/**
 * Chapter 9 in real Chromium, against the built site: the page fetches no
 * digit data until a cell asks; Run all trains the network in the page's
 * worker to at least 94 % on the 2,000 held-out digits; drawing on the digit
 * pad (with the mouse, then with the keyboard) changes the ten probabilities.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";
import { DIGITS_ASSET } from "../../src/nn/digits.ts";

const CHAPTER = "/handwritten-digits/";
// Run all trains 12 epochs over 8,000 digits: well under a minute on an idle
// machine, several on a shared, loaded one. The bound is for the latter.
const RUN_ALL_MS = 900_000;

const probabilities = (page: Page) => page.locator(".digit-pad .digit-pad-p").allTextContents();

describe.skipIf(!hasBrowser)("chapter 9: handwritten digits in Chromium", () => {
  const site = useSite();

  it("loads no digit data until asked, trains to ≥ 94 % with Run all, and reads a digit drawn on the pad", async () => {
    const context = await site.browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const dataRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes(DIGITS_ASSET)) dataRequests.push(r.url());
    });
    await page.goto(site.url() + CHAPTER);
    await page.waitForLoadState("networkidle");
    expect(dataRequests, "no digit data before a cell asks").toEqual([]);

    // Before any cell ran, drawing says what to do.
    const pad = page.locator(".digit-pad-canvas");
    await pad.scrollIntoViewIfNeeded();
    let box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => /Run the cells above first/.test(document.querySelector(".digit-pad-status")?.textContent ?? ""), null, { timeout: 60_000 });
    await page.locator('[data-pad="clear"]').click();

    const started = Date.now();
    await page.locator('[data-notebook="run-all"]').click();
    await page.waitForFunction(
      () => [...document.querySelectorAll("section.cell:not(.exercise-cell) .cell-status")].every((s) => /done|error|stopped|not run/.test(s.textContent ?? "")),
      null,
      { timeout: RUN_ALL_MS, polling: 1000 },
    );
    console.log(`chapter 9: Run all took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const statuses = await page.locator("section.cell:not(.exercise-cell) .cell-status").allTextContents();
    expect(statuses.filter((s) => !s.startsWith("done")), "every cell runs without an error").toEqual([]);
    expect(dataRequests.length, "the digits file is fetched once").toBe(1);

    const report = await page.locator('section.cell[data-cell-id="after-training"] .cell-output').textContent();
    const accuracy = Number(/test accuracy\s+([\d.]+) %/.exec(report ?? "")?.[1]);
    console.log(`chapter 9: ${report?.trim().replace(/\s+/g, " ")}`);
    expect(accuracy, report ?? "").toBeGreaterThanOrEqual(94);
    const timing = await page.locator('section.cell[data-cell-id="train-live"] .cell-output').textContent();
    expect(timing).toMatch(/steps in [\d.]+ s: [\d.]+ s per epoch of 8000 digits/);
    console.log(`chapter 9: ${/[\d]+ steps in [^\n]*digits/.exec(timing ?? "")?.[0]}`);

    // A stroke with the mouse: ten probabilities appear, summing to 1. (Measured again: outputs above moved the pad.)
    expect(await probabilities(page)).toEqual(Array(10).fill("–"));
    await pad.scrollIntoViewIfNeeded();
    box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.85, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(() => [...document.querySelectorAll(".digit-pad .digit-pad-p")].every((e) => /^\d\.\d{3}$/.test(e.textContent ?? "")), null, { timeout: 30_000 });
    const afterOne = (await probabilities(page)).map(Number);
    expect(afterOne.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 2);
    const preview = await page.locator(".digit-pad-preview").evaluate((c) => {
      const d = (c as HTMLCanvasElement).getContext("2d")!.getImageData(0, 0, 28, 28).data;
      let dark = 0;
      for (let k = 0; k < d.length; k += 4) if (d[k] < 128) dark++;
      return dark;
    });
    expect(preview, "the 28×28 input shows the stroke").toBeGreaterThan(10);

    // A second stroke, drawn with the keyboard, changes them.
    await pad.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.down(" ");
    for (let k = 0; k < 8; k++) await page.keyboard.press("ArrowRight");
    await page.keyboard.up(" ");
    await page.waitForFunction(
      (before) => {
        const now = [...document.querySelectorAll(".digit-pad .digit-pad-p")].map((e) => e.textContent).join(" ");
        return now !== before && !/–/.test(now);
      },
      afterOne.map((p) => p.toFixed(3)).join(" "),
      { timeout: 30_000 },
    );
    expect(await page.locator(".digit-pad-status").textContent()).toMatch(/The network reads a \d \(probability [\d.]+\)/);
    expect(errors).toEqual([]);
    await context.close();
  }, RUN_ALL_MS + 120_000);
});

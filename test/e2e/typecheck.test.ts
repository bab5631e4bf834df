/**
 * The editor's type checker in real Chromium against the built site: it
 * loads on the first focus (not with the page, nor during a slider drag), underlines a type error with
 * its message, completes nn names and members, helps with a constructor's
 * arguments, and puts the type errors above a run's output.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";
import { waitForSavedEdit } from "./saved-edits.ts";

const CHAPTER = "/neurons-and-layers/";
const CELL = "neuron";

describe.skipIf(!hasBrowser)("type checking in the cell editor", { timeout: 180_000 }, () => {
  const site = useSite();
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let scripts: string[];

  beforeEach(async () => {
    await context?.close();
    context = await site.browser().newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    pageErrors = [];
    scripts = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => {
      if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(r.url());
    });
    await page.goto(site.url() + CHAPTER, { waitUntil: "networkidle" });
    return () => expect(pageErrors).toEqual([]);
  });

  const cell = () => page.locator(`section.cell[data-cell-id="${CELL}"]`);
  const content = () => cell().locator(".cm-content");
  /** Opens the editor, empties it and types `code` key by key, as a reader would. */
  const typeInto = async (code: string) => {
    await cell().locator(".cell-code").click();
    await content().waitFor();
    await content().focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(code);
  };
  const started = () => page.evaluate(() => performance.getEntriesByName("typecheck:start").length > 0);
  const completionLabels = async () => {
    await page.locator(".cm-tooltip-autocomplete").waitFor({ timeout: 90_000 });
    return page.locator(".cm-tooltip-autocomplete .cm-completionLabel").allTextContents();
  };

  it("loads the checker on the first focus, not with the page", async () => {
    expect(await started()).toBe(false);
    const before = new Set(scripts);
    await cell().locator(".cell-code").click();
    await content().waitFor();
    await page.waitForFunction(() => performance.getEntriesByName("typecheck:start").length > 0);
    await page.waitForFunction(() => performance.getEntriesByName("typecheck:first-diagnostics").length > 0, undefined, { timeout: 90_000 });
    const loaded = scripts.filter((s) => !before.has(s));
    expect(loaded.some((s) => /\/_astro\/worker-[\w-]+\.js$/.test(s))).toBe(true);
    // Unedited course code has no type errors: no squiggle, no count.
    expect(await cell().locator(".cm-lintRange-error").count()).toBe(0);
    expect(await cell().locator(".cell-typecheck").isVisible()).toBe(false);
  });

  it("does not start while the reader drags a slider, and starts once the drag has ended", async () => {
    // Run the cell whose sliders move one neuron, then focus an editor: the checker is due a second later.
    const slid = page.locator("section.cell").filter({ has: page.locator(".cell-controls input[type=range]") });
    const runFirst = page.locator("section.cell", { hasText: 'slider("weight w"' }).first();
    await runFirst.locator('[data-action="run"]').click();
    await slid.first().locator(".cell-controls input[type=range]").first().waitFor();
    await cell().locator(".cell-code").click();
    await content().waitFor();
    // A three-second drag, one step every 50 ms, as fast as the page takes it.
    const dragged = await slid.first().locator(".cell-controls input[type=range]").first().evaluate((range: HTMLInputElement) =>
      new Promise<boolean>((resolve) => {
        const end = performance.now() + 3000;
        let n = 0;
        const tick = () => {
          range.value = String(Number(range.min) + (n++ % 40) * Number(range.step));
          range.dispatchEvent(new Event("input", { bubbles: true }));
          if (performance.now() < end) setTimeout(tick, 50);
          else {
            range.dispatchEvent(new Event("change", { bubbles: true }));
            resolve(performance.getEntriesByName("typecheck:start").length === 0);
          }
        };
        tick();
      }));
    expect(dragged, "the checker started during the drag").toBe(true);
    await page.waitForFunction(() => performance.getEntriesByName("typecheck:start").length > 0, undefined, { timeout: 30_000 });
  });

  it("underlines a wrong-type assignment as the reader types, with the message on hover and a count", async () => {
    await typeInto('const b: number = "0.2";');
    const squiggle = cell().locator(".cm-lintRange-error");
    await squiggle.first().waitFor({ timeout: 90_000 });
    await expect(cell().locator(".cell-typecheck").textContent()).resolves.toBe("1 type error");
    await squiggle.first().hover();
    const tip = page.locator(".cm-tooltip-lint");
    await tip.waitFor();
    const text = await tip.textContent();
    expect(text).toContain("Type 'string' is not assignable to type 'number'.");
    expect(text).toContain("remove the quotes");
  });

  it("completes nn's exports inside import braces", async () => {
    await typeInto('import { De } from "nn";');
    // Back into the braces, right after "De".
    for (let k = 0; k < '} from "nn";'.length + 1; k++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Control+Space");
    const labels = await completionLabels();
    expect(labels).toContain("Dense");
    expect(labels).not.toContain("setYieldHook");
  });

  it("completes Matrix's members after `Matrix.` with signature and doc", async () => {
    await typeInto('import { Matrix } from "nn";\nMatrix.');
    const labels = await completionLabels();
    expect(labels).toEqual(expect.arrayContaining(["zeros", "from", "full"]));
    await page.keyboard.type("zer");
    await page.locator(".cm-completionInfo").waitFor({ timeout: 30_000 });
    await expect(page.locator(".cm-completionInfo").textContent()).resolves.toContain("Matrix.zeros(rows: number, cols: number): Matrix");
  });

  it("shows the constructor's parameters in `new Dense(` and completes names there", async () => {
    await typeInto('import { Dense } from "nn";\nconst inputs = 2;\nnew Dense(');
    const help = page.locator(".cm-ts-signature-help");
    await help.waitFor({ timeout: 90_000 });
    expect(await help.locator("strong").textContent()).toBe("inFeatures: number");
    expect(await help.textContent()).toContain("outFeatures: number");
    await page.keyboard.type("inp");
    expect(await completionLabels()).toContain("inputs");
  });

  it("checks an edit restored from storage once the reader focuses it", async () => {
    await typeInto('const b: number = "0.2";');
    await cell().locator(".cm-lintRange-error").first().waitFor({ timeout: 90_000 });
    await waitForSavedEdit(page, 'const b: number = \\"0.2\\";'); // saved after a short debounce: wait for the save itself
    await page.reload({ waitUntil: "networkidle" });
    await content().waitFor(); // the restored edit mounts the editor, without the checker
    expect(await started()).toBe(false);
    await content().click();
    await page.waitForFunction((sel) => document.querySelector(`${sel} .cell-typecheck`)?.textContent === "1 type error", `section.cell[data-cell-id="${CELL}"]`, { timeout: 90_000 });
  });

  it("checks an exercise's code on its own, without the page's names", async () => {
    const ex = page.locator('section.exercise-cell[data-cell-id="exercise-dense-forward"]');
    await ex.locator(".cell-code").click();
    await ex.locator(".cm-content").waitFor();
    await ex.locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+End");
    // `neuronResult` is defined by a cell of this page, but a check runs the answer in a fresh worker.
    await page.keyboard.type('\nconst rows: number = denseForward.name;\nneuronResult;');
    await page.waitForFunction(
      () => document.querySelector('section.exercise-cell[data-cell-id="exercise-dense-forward"] .cell-typecheck')?.textContent === "2 type errors",
      undefined,
      { timeout: 90_000 },
    );
    await ex.locator(".cm-lintRange-error").last().hover();
    await expect(page.locator(".cm-tooltip-lint").textContent()).resolves.toContain("Cannot find name 'neuronResult'.");
  });

  it("runs a cell with a type error and shows the error above the output", async () => {
    await typeInto('const b: number = "0.2";\nconsole.log("b is", b);');
    await cell().locator('[data-action="run"]').click();
    const out = cell().locator(".cell-output");
    await page.waitForFunction(
      (sel) => document.querySelector(`${sel} .cell-output > .out-typecheck`) !== null && /b is 0\.2/.test(document.querySelector(`${sel} .cell-output`)!.textContent ?? ""),
      `section.cell[data-cell-id="${CELL}"]`,
      { timeout: 90_000 },
    );
    const first = out.locator(":scope > *").first();
    expect(await first.getAttribute("class")).toBe("out-typecheck");
    expect(await first.textContent()).toContain("Type error (line 1, column 7): Type 'string' is not assignable to type 'number'.");
    await expect(cell().locator(".cell-status").textContent()).resolves.toMatch(/^done/);
  });
});

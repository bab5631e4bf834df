/**
 * Direct manipulation in real Chromium: controls declared in cells, predict-
 * then-run checkpoints and the chapter 8 dataset drawer, against the built site.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";
import { cellHelpers, openPage } from "./cell-helpers.ts";

describe.skipIf(!hasBrowser)("controls in cells (Chromium)", () => {
  const site = useSite();
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeEach(async () => {
    await context?.close();
    ({ context, page, errors: pageErrors } = await openPage(site.browser()));
    return () => expect(pageErrors).toEqual([]);
  });

  const { cell, waitStatus, run } = cellHelpers(() => page);
  const waitOutput = (id: string, text: string, timeout = 20_000) =>
    page.waitForFunction(
      ([sel, t]) => (document.querySelector(sel)?.textContent ?? "").includes(t),
      [`section.cell[data-cell-id="${id}"] .cell-output`, text] as const,
      { timeout },
    );
  /** The drawn curve's path, to see that the plot changed. */
  const curve = (id: string) => cell(id).locator('.out-plot g[aria-label="line"] path').first().getAttribute("d");

  it("drags a slider (pointer and arrow keys): the cell re-runs, the plot and the printed value change", async () => {
    await page.goto(site.url() + "/how-this-notebook-works/");
    await run("controls-demo");
    await waitOutput("controls-demo", "w = 1, b = 0");
    const before = await curve("controls-demo");
    const w = cell("controls-demo").getByLabel("weight w");
    await expect(w.getAttribute("aria-valuetext")).resolves.toBe("1");

    // Pointer: drag the thumb towards the right end of the track (on screen first: the mouse acts in the viewport).
    await w.scrollIntoViewIfNeeded();
    const box = (await w.boundingBox())!;
    const thumbX = box.x + box.width * (5 / 8); // w = 1 on [-4, 4]
    await page.mouse.move(thumbX, box.y + box.height / 2);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(thumbX + (k * box.width * 0.3) / 10, box.y + box.height / 2);
    await page.mouse.up();
    const dragged = Number(await w.getAttribute("aria-valuetext"));
    expect(dragged).toBeGreaterThan(3);
    await waitOutput("controls-demo", `w = ${dragged}, b = 0`);
    await waitStatus("controls-demo", /done/);
    const afterDrag = await curve("controls-demo");
    expect(afterDrag).not.toBe(before);

    // Keyboard: the bias slider, three steps left.
    const b = cell("controls-demo").getByLabel("bias b");
    await b.focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press("ArrowLeft");
    await waitOutput("controls-demo", `w = ${dragged}, b = -0.3`);
    await expect(cell("controls-demo").locator("output").nth(1).textContent()).resolves.toBe("-0.3");
    expect(await curve("controls-demo")).not.toBe(afterDrag);
    expect(await cell("controls-demo").locator(".cell-modified").isVisible()).toBe(true);

    // The values survive a reload and reach the cell's next run.
    await page.reload();
    expect(await cell("controls-demo").locator(".cell-modified").isVisible()).toBe(true);
    await run("controls-demo");
    await waitOutput("controls-demo", `w = ${dragged}, b = -0.3`);
    await expect(cell("controls-demo").getByLabel("bias b").getAttribute("aria-valuetext")).resolves.toBe("-0.3");

    // Reset restores the defaults and re-runs.
    await cell("controls-demo").locator('[data-action="reset"]').click();
    await waitOutput("controls-demo", "w = 1, b = 0");
    await expect(cell("controls-demo").getByLabel("weight w").getAttribute("aria-valuetext")).resolves.toBe("1");
    expect(await cell("controls-demo").locator(".cell-modified").isVisible()).toBe(false);
    await page.reload();
    await run("controls-demo");
    await waitOutput("controls-demo", "w = 1, b = 0");
  });

  it("shows Run all progress in the bar, and keeps control values across Restart", async () => {
    await page.goto(site.url() + "/how-this-notebook-works/");
    await page.locator('[data-notebook="run-all"]').click();
    // Run all reports where it is in the sticky bar while it works.
    await page.waitForFunction(() => /Running cell \d+ \(\d+ of \d+\)/.test(document.querySelector(".notebook-status")?.textContent ?? ""));
    await waitStatus("after-training", /done/, 90_000);
    await expect(page.locator('[data-notebook="stop"]').isDisabled()).resolves.toBe(true);
    const b = cell("controls-demo").getByLabel("bias b");
    await b.focus();
    await page.keyboard.press("ArrowRight");
    await waitOutput("controls-demo", "b = 0.1");
    await page.locator('[data-notebook="restart"]').click();
    await waitStatus("controls-demo", /not run/);
    await run("controls-demo");
    await waitOutput("controls-demo", "b = 0.1");
  });

  it("a prediction checkpoint reveals the computed value after commit, and remembers the prediction", async () => {
    await page.goto(site.url() + "/neurons-and-layers/");
    const aside = page.locator("#predict-neuron-z");
    await expect(aside.locator(".predict-why").isVisible()).resolves.toBe(false);
    await aside.getByLabel("Your guess").fill("-0.5");
    await aside.getByRole("button", { name: "Commit and run" }).click();
    await page.waitForFunction(() => document.querySelector("#predict-neuron-z")?.getAttribute("data-state") === "revealed", null, { timeout: 30_000 });
    // The answer is the value the cell computed (its output shows the same z).
    const output = await cell("neuron").locator(".cell-output").textContent();
    const z = /z: (-?[\d.]+)/.exec(output ?? "")?.[1];
    expect(z).toBeDefined();
    const reveal = await aside.locator(".predict-reveal").innerText();
    expect(reveal).toContain("Your prediction: -0.5");
    expect(reveal).toContain(`The cell computed: ${Number(Number(z).toPrecision(4))}`);
    expect(reveal).toMatch(/Off by \d+ %/);
    expect(await aside.locator(".predict-why").isVisible()).toBe(true);
    await page.reload();
    await expect(page.locator("#predict-neuron-z .predict-reveal").innerText()).resolves.toContain("Your prediction: -0.5");
    await page.locator("#predict-neuron-z").getByRole("button", { name: "Show the computed answer" }).click();
    await page.waitForFunction(() => document.querySelector("#predict-neuron-z")?.getAttribute("data-state") === "revealed", null, { timeout: 30_000 });
  });

  it("draws a dataset (a preset, then points placed by click and by keyboard) and trains on it", async () => {
    await page.goto(site.url() + "/training-end-to-end/");
    await run("playground");
    await waitOutput("playground", "180 points, training accuracy");
    const pg = cell("playground");
    await pg.getByRole("button", { name: "moons" }).click();
    await waitOutput("playground", "120 points, training accuracy");
    await waitStatus("playground", /done/, 60_000);
    // Class 2, five clicks in the top-left corner, then one point placed with the keyboard.
    await pg.getByLabel("class 2").check();
    const area = pg.locator("svg.points-area");
    await area.scrollIntoViewIfNeeded();
    const box = (await area.boundingBox())!;
    for (let i = 0; i < 5; i++) await page.mouse.click(box.x + box.width * (0.08 + 0.03 * i), box.y + box.height * 0.08);
    await area.focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(pg.locator(".control-points output").textContent()).resolves.toBe("126 points (class 0: 60, class 1: 60, class 2: 6)");
    await waitOutput("playground", "126 points, training accuracy", 60_000);
    await waitStatus("playground", /done/, 60_000);
    const accuracy = Number(/training accuracy ([\d.]+) %/.exec((await pg.locator(".cell-output").textContent()) ?? "")?.[1]);
    expect(accuracy).toBeGreaterThan(90);
  });
});

/**
 * Charts laid out for the width they are shown at, on a phone: the figure fits
 * its output box, tick labels keep a readable size, and long y tick labels
 * ("1e-10") are not clipped at the left edge — also when a re-run or a live
 * redraw draws the new figure before it is in the page (render-output.ts draws
 * it at the previous figure's width in the same frame and settles the labels
 * once it is placed, from a measurement remembered per axis, or for a new axis
 * measured in the next frame before it paints).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";
import { cellHelpers } from "./cell-helpers.ts";

describe.skipIf(!hasBrowser)("charts on a 390 px phone (Chromium)", () => {
  const site = useSite();
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const { cell, waitStatus, run } = cellHelpers(() => page);
  /** The chart's own SVG (a colour legend adds swatch SVGs before it). */
  const PLOT_SVG = '.out-plot svg:has(g[aria-label="y-axis tick label"])';

  beforeAll(async () => {
    context = await site.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
  });
  afterAll(() => context?.close());

  /** The chart's geometry as drawn: widths, the smallest tick font, how far any y label reaches left of the SVG. */
  const geometry = (id: string) =>
    cell(id).locator(".cell-output").evaluate((out, PLOT_SVG) => {
      const svg = out.querySelector<SVGSVGElement>(PLOT_SVG)!;
      const labels = [...svg.querySelectorAll<SVGTextElement>('g[aria-label="y-axis tick label"] text')];
      const ticks = [...svg.querySelectorAll<SVGTextElement>('g[aria-label$="tick label"] text')];
      const left = svg.getBoundingClientRect().left;
      return {
        svg,
        svgWidth: svg.getBoundingClientRect().width,
        outputWidth: out.clientWidth,
        labels: labels.map((t) => t.textContent),
        minFont: Math.min(...ticks.map((t) => parseFloat(getComputedStyle(t).fontSize))),
        reachLeft: Math.max(0, ...labels.map((t) => left - t.getBoundingClientRect().left)),
      };
    }, PLOT_SVG).then(({ svg: _svg, ...g }) => g);

  it("draws the step-size chart for the phone's width, 11 px or larger, y labels inside; the same after a slider re-run", async () => {
    await page.goto(site.url() + "/derivatives-and-gradients/");
    await run("step-size-explorer", 60_000);
    await waitStatus("step-size-explorer", /done/);
    // A new axis's labels are measured in the frame after the figure is built (render-output.ts settle).
    await cell("step-size-explorer").locator(PLOT_SVG).waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const first = await geometry("step-size-explorer");
    expect(first.labels.some((l) => (l ?? "").length >= 5), `long labels expected, got ${first.labels.join(" ")}`).toBe(true);
    expect(first.svgWidth).toBeLessThanOrEqual(first.outputWidth + 1);
    expect(first.svgWidth).toBeGreaterThan(first.outputWidth * 0.8);
    expect(first.minFont).toBeGreaterThanOrEqual(11);
    expect(first.reachLeft).toBeLessThanOrEqual(0.5);

    // A keyboard step on the slider re-runs the cell; its figure is drawn before it is placed.
    const slider = cell("step-size-explorer").locator("input[type=range]").first();
    const oldPath = await cell("step-size-explorer").locator(PLOT_SVG).innerHTML();
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      ([sel, old]) => {
        const svg = document.querySelector(sel);
        return !!svg && svg.innerHTML !== old;
      },
      [`section.cell[data-cell-id="step-size-explorer"] ${PLOT_SVG}`, oldPath] as const,
      { timeout: 20_000 },
    );
    await waitStatus("step-size-explorer", /done/);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const again = await geometry("step-size-explorer");
    expect(again.svgWidth).toBeLessThanOrEqual(again.outputWidth + 1);
    expect(again.minFont).toBeGreaterThanOrEqual(11);
    expect(again.reachLeft, `labels ${again.labels.join(" ")}`).toBeLessThanOrEqual(0.5);
    expect(errors).toEqual([]);
  }, 120_000);
});

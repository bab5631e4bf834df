/**
 * Blocks off screen skip rendering (content-visibility: auto, Base.astro) and
 * stand at an estimated height until drawn (src/components/placeholder-heights.ts);
 * wide regions among them are tab stops before anyone has looked at them
 * (src/components/scrollables.ts).
 *
 * - The estimate is never shorter than the block, at phone and desktop widths,
 *   in both editions: a short placeholder lets the block's content spill over
 *   the next blocks for anything that reads positions (an anchor, a checker).
 * - Far blocks really are skipped at load: that is the point of all this.
 * - A wide formula several screens down is a tab stop at load; one that fits
 *   (but is not clearly narrow, so it was presumed to scroll) stops being one
 *   once it comes near, but not while it has focus.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const PAGES = ["/activation-functions/", "/backpropagation/", "/cheat-sheet/", "/neurons-and-layers/", "/handwritten-digits/", "/glossary/", "/zh/backpropagation/", "/zh/activation-functions/"];

describe.skipIf(!hasBrowser)("skipped blocks and their placeholders (Chromium)", () => {
  const site = useSite();

  for (const width of [390, 1280]) {
    it(`no placeholder is shorter than its block, and far blocks are skipped at load, at ${width} px`, async () => {
      const page = await site.browser().newPage({ viewport: { width, height: 800 } });
      const problems: string[] = [];
      for (const path of PAGES) {
        await page.goto(site.url() + path, { waitUntil: "load" });
        const r = await page.evaluate(() => {
          const blocks = [...document.querySelector("main.chapter")!.children].filter((b) => getComputedStyle(b).contentVisibility === "auto") as HTMLElement[];
          const skipped = blocks.filter((b) => !b.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions) || ![...b.children].some((c) => c.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions))).length;
          // The placeholder as the stylesheet computes it from the estimate written on the block at build time.
          const estimates = blocks.map((b) => Number(/^auto ([\d.]+)px$/.exec(getComputedStyle(b).containIntrinsicBlockSize)?.[1] ?? NaN));
          for (const b of blocks) b.style.contentVisibility = "visible";
          const short = blocks.flatMap((b, i) => {
            const s = getComputedStyle(b);
            const content = b.offsetHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth);
            return estimates[i] >= content - 0.5 ? [] : [`${b.tagName.toLowerCase()}${b.id ? "#" + b.id : ""} (block ${i}): placeholder ${estimates[i]} px < ${content.toFixed(0)} px`];
          });
          return { count: blocks.length, skipped, short };
        });
        problems.push(...r.short.map((s) => `${path} ${s}`));
        if (r.count > 20 && r.skipped < r.count / 2) problems.push(`${path}: only ${r.skipped} of ${r.count} blocks skipped at load`);
      }
      await page.close();
      expect(problems).toEqual([]);
    }, 180_000);
  }

  it("a wide formula far down is a tab stop at load; one that fits stops being one when near, once it has lost focus", async () => {
    const page = await site.browser().newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(site.url() + "/cheat-sheet/", { waitUntil: "load" });
    // Mark the last wide and the last narrow formula by their real widths, measured in a copy of the page's column.
    const found = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>("main.chapter > .math-display")];
      const column = document.querySelector<HTMLElement>("main.chapter")!.clientWidth;
      const probe = document.createElement("div");
      probe.style.cssText = `position:absolute;left:-9999px;top:0;width:${column}px`;
      document.body.append(probe);
      const wide: number[] = [];
      const fits: number[] = [];
      all.forEach((m, i) => {
        const copy = m.cloneNode(true) as HTMLElement;
        copy.style.contentVisibility = "visible";
        probe.append(copy);
        (copy.scrollWidth > copy.clientWidth + 1 ? wide : fits).push(i);
        copy.remove();
      });
      probe.remove();
      const far = (i: number) => i > all.length / 2;
      const w = wide.filter(far).at(-1);
      // One that fits but is not clearly narrow, so it starts as a tab stop (a clearly narrow one never is).
      const f = fits.filter((i) => far(i) && all[i].getAttribute("tabindex") === "0").at(-1);
      if (w !== undefined) all[w].dataset.test = "wide";
      if (f !== undefined) all[f].dataset.test = "fits";
      return { wide: w, fits: f, tabindex: [w, f].map((i) => (i === undefined ? null : all[i].getAttribute("tabindex"))) };
    });
    expect(found.wide, "a wide formula in the second half of the cheat sheet").toBeDefined();
    expect(found.fits, "a formula that fits in the second half").toBeDefined();
    expect(found.tabindex).toEqual(["0", "0"]); // both presumed to scroll before anyone has seen them

    const wide = page.locator('[data-test="wide"]');
    const fits = page.locator('[data-test="fits"]');
    // Focus the fitting one from afar (as Tab would), then bring it near: it keeps its tab stop while focused.
    await fits.evaluate((el) => el.focus({ preventScroll: true }));
    await fits.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(300);
    expect(await fits.getAttribute("tabindex")).toBe("0");
    await fits.evaluate((el) => el.blur());
    await expect.poll(() => fits.getAttribute("tabindex")).toBeNull();
    await wide.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(300);
    expect(await wide.getAttribute("tabindex")).toBe("0");
    await page.close();
  }, 120_000);
});

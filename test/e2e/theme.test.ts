/**
 * The theme switch (src/components/theme.ts): Dark on a light device turns the
 * page and its code dark, survives a reload without a light first paint, and
 * System follows the device again.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("theme switch in Chromium", () => {
  const site = useSite();

  it("switches to dark on a light device, remembers it across a reload, and returns to the system's", async () => {
    const context = await site.browser().newContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(site.url() + "/how-this-notebook-works/");
    const colours = () => page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      keyword: getComputedStyle(document.querySelector(".astro-code [class*='l'], .astro-code span[style]")!).color,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
    const light = await colours();
    expect(light.page).toBe("rgb(255, 255, 255)");

    await page.getByLabel("Theme").selectOption("dark");
    const dark = await colours();
    expect(dark.page).toBe("rgb(15, 17, 21)");
    expect(dark.keyword).not.toBe(light.keyword); // the code follows
    expect(dark.scheme).toBe("dark");

    // Remembered: the first paint after a reload is already dark (the inline script ran before it).
    await page.reload({ waitUntil: "commit" });
    await page.waitForSelector("body");
    await page.waitForLoadState("domcontentloaded");
    expect((await colours()).page).toBe("rgb(15, 17, 21)");
    expect(await page.getByLabel("Theme").inputValue()).toBe("dark");

    await page.getByLabel("Theme").selectOption("system");
    expect((await colours()).page).toBe("rgb(255, 255, 255)");
    await page.reload();
    expect((await colours()).page).toBe("rgb(255, 255, 255)");
    await context.close();
  });
});

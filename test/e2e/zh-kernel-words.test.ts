/**
 * What the kernel itself adds to a cell's output reads in Chinese on a Chinese
 * page: the note that ends a text cut to size, and a kernel fault (a file asked
 * for after the run ended), which crosses as data and is worded by the page.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { cellHelpers, openPage } from "./cell-helpers.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("kernel words on a Chinese page", () => {
  const site = useSite();

  it("a cut text and a file asked for outside a run are told in Chinese", async () => {
    const { context, page, errors } = await openPage(site.browser());
    const { cell, edit, output } = cellHelpers(() => page);
    await page.goto(site.url() + "/zh/how-this-notebook-works/");
    await edit(
      "first-cell",
      [
        'console.log("m".repeat(12_000));',
        // Un-awaited: the request is made after the run ended, so the kernel refuses it.
        "setTimeout(async () => { await null; await nn.loadDigitsFile(); }, 0);",
        '"ok"',
      ].join("\n"),
    );
    await cell("first-cell").locator('[data-action="run"]').click();
    // The status's words are Chinese here: wait on the error the late request leaves.
    await page.waitForFunction(() => document.querySelector('section.cell[data-cell-id="first-cell"] .out-error') !== null, null, { timeout: 20_000 });
    const text = (await output("first-cell").textContent()) ?? "";
    expect(text).toMatch(/……（另有 [\d,]+ 个字符）/);
    expect(text).not.toContain("more characters");
    expect(text).toContain("digits：只有在单元格运行期间才能加载文件");
    expect(text).not.toContain("files load only while a cell runs");
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * Moving work between devices (src/components/work-file.ts): Export on the
 * course index saves the progress and the cell edits; Import in a fresh
 * browser profile restores the edit into its cell.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

describe.skipIf(!hasBrowser)("export and import of the reader's work", () => {
  const site = useSite();

  it("exports an edit with the progress and imports it on another profile", async () => {
    const a = await site.browser().newContext({ acceptDownloads: true });
    const pa = await a.newPage();
    await pa.goto(site.url() + "/how-this-notebook-works/");
    const cell = pa.locator('section.cell[data-cell-id="first-cell"]');
    await cell.locator(".cell-code").click();
    await cell.locator(".cm-content").waitFor();
    await cell.locator(".cm-content").focus();
    await pa.keyboard.press("ControlOrMeta+A");
    await pa.keyboard.insertText("'moved to another device'");
    await pa.waitForTimeout(500); // saves are debounced by 300 ms
    // Download code: every cell of the chapter, with the edit, as one script (run under Node by test/components/chapter-script.test.ts).
    const [script] = await Promise.all([pa.waitForEvent("download"), pa.locator('[data-notebook="download"]').click()]);
    expect(script.suggestedFilename()).toBe("how-this-notebook-works.cells.ts");
    const code = readFileSync((await script.path())!, "utf8");
    expect(code).toContain('["first-cell", "\'moved to another device\'"]');
    expect(code).toContain('import { createHeadlessNotebook } from "./src/runtime/headless.ts";');
    await pa.goto(site.url() + "/");
    const [download] = await Promise.all([pa.waitForEvent("download"), pa.locator('[data-progress="export"]').click()]);
    const path = (await download.path())!;
    const file = JSON.parse(readFileSync(path, "utf8"));
    expect(file.kind).toBe("how-networks-learn-progress");
    expect(JSON.stringify(file.edits)).toContain("moved to another device");

    const b = await site.browser().newContext();
    const pb = await b.newPage();
    await pb.goto(site.url() + "/");
    await pb.locator('[data-progress="import"]').setInputFiles(path);
    await expect.poll(() => pb.locator(".progress-message").textContent()).toMatch(/^Imported progress for 0 exercises and 1 cell edit\.$/);
    await pb.goto(site.url() + "/how-this-notebook-works/");
    const restored = pb.locator('section.cell[data-cell-id="first-cell"] .cm-content');
    await restored.waitFor();
    expect(await restored.innerText()).toContain("moved to another device");
    await a.close();
    await b.close();
  });
});

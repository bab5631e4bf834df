/**
 * axe-core on every built page, before and after running all its cells
 * (outputs, plots and tables must be accessible too). Zero violations.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function pages(dir = "dist"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "_astro" ? [] : pages(p);
    return name === "index.html" ? ["/" + relative("dist", dir).replace(/\\/g, "/")] : [];
  });
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    // The kernel frame (src/runtime/kernel-frame.ts) is an empty, aria-hidden, cross-origin sandbox
    // that has no axe in it: axe would wait a minute for it to answer.
    return axe.run({ exclude: [["iframe.kernel-frame"]] } as unknown as Document, { resultTypes: ["violations"] });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary ?? ""}`));
}

describe.skipIf(!hasBrowser)("accessibility (axe-core)", () => {
  const site = useSite();

  for (const scheme of ["light", "dark"] as const) {
    it.each(pages())(`%s has no violations (${scheme}), before and after Run all`, async (path) => {
      const context = await site.browser().newContext({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(site.url() + path + (path.endsWith("/") ? "" : "/"));
      expect(await violations(page)).toEqual([]);
      const runAll = page.locator('[data-notebook="run-all"]');
      if ((await runAll.count()) && (await runAll.isEnabled())) {
        await runAll.click();
        await page.waitForFunction(
          () => [...document.querySelectorAll("section.cell:not(.exercise-cell) .cell-status")].every((s) => /done|error|stopped|not run/.test(s.textContent ?? "")),
          null,
          { timeout: 120_000 },
        );
        const statuses = await page.locator("section.cell:not(.exercise-cell) .cell-status").allTextContents();
        expect(statuses.filter((s) => !s.startsWith("done")), "every cell runs without an error").toEqual([]);
        await page.waitForTimeout(300); // lazily drawn plots
        expect(await violations(page)).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

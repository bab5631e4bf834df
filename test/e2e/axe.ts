/** axe-core on part of a page, for focused checks of one widget in a state the page-wide suite (a11y.test.ts) never opens. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Violations inside `selector`, in light and dark, each labelled with its scheme. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const found: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async (sel) => {
      const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
      const r = await axe.run({ include: [[sel]] }, { resultTypes: ["violations"] });
      return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary ?? ""}`));
    }, selector);
    found.push(...violations.map((v) => `${scheme}: ${v}`));
  }
  return found;
}

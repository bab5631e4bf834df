/**
 * axe-core on every built page, before and after running all its cells
 * (outputs, plots and tables must be accessible too). Zero violations.
 * Colour contrast, the slowest rule on a long page, is checked where the page
 * rests: after Run all on pages that run, as built on the others. A chapter's
 * state before Run all is checked on one of its twins, not both (see
 * checkedAsBuiltInChinese).
 *
 * Each page's cells run once: both colour schemes are checked on that one run
 * (emulateMedia switches prefers-color-scheme in place), so the suite's cost
 * grows with the number of pages, not pages × schemes.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SCHEMES = ["light", "dark"] as const;
/**
 * Run all on the slowest page (chapter 9 trains a digit classifier) takes about a minute on an idle 2-core machine;
 * this bounds the wait, pages take only as long as their cells.
 */
const RUN_ALL_MS = 300_000;

function pages(dir = "dist"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "_astro" || name.startsWith("_") ? [] : pages(p);
    return name === "index.html" ? ["/" + relative("dist", dir).replace(/\\/g, "/")] : [];
  });
}

/** `contrast: false` leaves out the colour-contrast rule (the slowest on a long page) where a later check covers it. */
async function violations(page: Page, { contrast = true } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  // Prose blocks far from the viewport skip rendering (content-visibility: auto, Base.astro) and sit at a
  // placeholder height; axe's contrast rule then computes backgrounds from that placeholder layout and can put
  // a formula on top of the next cell's Run button. A reader never sees that layout (a block renders as it nears
  // the viewport), so the check runs on the page as rendered.
  await page.addStyleTag({ content: "main.chapter > * { content-visibility: visible !important; }" });
  const result = await page.evaluate(async (contrast) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    // The kernel frame (src/runtime/kernel-frame.ts) is an empty, aria-hidden, cross-origin sandbox
    // that has no axe in it: axe would wait a minute for it to answer.
    return axe.run({ exclude: [["iframe.kernel-frame"]] } as unknown as Document, {
      resultTypes: ["violations"],
      ...(contrast ? {} : { rules: { "color-contrast": { enabled: false } } }),
    });
  }, contrast);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary ?? ""}`));
}

/** Violations in each colour scheme, labelled by scheme so a failure says which. */
async function violationsInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...(await violations(page)).map((v) => `${scheme}: ${v}`));
  }
  return found;
}

const CELL_STATUS = "section.cell:not(.exercise-cell) .cell-status";
/** A cell's state is in `data-state` (its text is in the page's language). */
const FINISHED = ["done", "error", "stopped", "skipped"];

/**
 * Chinese pages whose cells all run here. The other Chinese pages are checked
 * as built, in both schemes: their cells are their English twins' code token
 * for token (test/content/twins.test.ts) and all run headless (test/content),
 * so running them again in Chromium would double the suite for no new check.
 */
const ZH_RUN_ALL = new Set(["/zh/loss-functions", "/zh/backpropagation", "/zh/training-end-to-end"]);
const runsAll = (path: string) => !path.startsWith("/zh") || ZH_RUN_ALL.has(path.replace(/\/$/, ""));
/**
 * An English page that runs its cells is checked before Run all only when no Chinese twin is checked as built.
 * The twins' markup is the same components around the same code (test/content/twins.test.ts), and the interface's
 * words in both languages come from one catalogue (test/i18n): a page's state before Run all (cells not run yet,
 * empty outputs) is checked in full, in both schemes, on its Chinese twin, and its prose after Run all. Each axe run
 * on a chapter takes 5-8 s here, about a third of this suite.
 */
const checkedAsBuiltInChinese = (path: string, all: readonly string[]) => {
  const twin = "/zh" + path.replace(/\/$/, "");
  return all.some((p) => p.replace(/\/$/, "") === twin) && !runsAll(twin);
};

describe.skipIf(!hasBrowser)("accessibility (axe-core)", () => {
  const site = useSite();

  // Two pages at a time (the site project's maxConcurrency): axe and the cells are single-threaded in each
  // page's processes, so a second page keeps the machine's other core busy.
  const all = pages();
  it.concurrent.for(all)("%s has no violations in light and dark, before and after Run all (Chinese pages: as built, a few also after Run all)", { timeout: RUN_ALL_MS + 60_000 }, async (path, { expect }) => {
    const context = await site.browser().newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url() + path + (path.endsWith("/") ? "" : "/"));
    const runAll = page.locator('[data-notebook="run-all"]');
    const willRun = runsAll(path) && (await runAll.count()) > 0 && (await runAll.isEnabled());
    // A page that runs its cells is checked in full, in both schemes, after Run all (its prose and controls are
    // still there, now with outputs); before, the checks that colours cannot change, once, unless its Chinese
    // twin is checked as built. A page that does not run is checked in full, in both schemes, as built.
    if (!willRun) expect(await violationsInBothSchemes(page)).toEqual([]);
    else if (!checkedAsBuiltInChinese(path, all)) expect(await violations(page, { contrast: false })).toEqual([]);
    if (willRun) {
      await runAll.click();
      const finished = await page
        .waitForFunction(
          ([sel, done]) => [...document.querySelectorAll<HTMLElement>(sel)].every((s) => done.includes(s.dataset.state ?? "")),
          [CELL_STATUS, FINISHED] as const,
          { timeout: RUN_ALL_MS, polling: 500 },
        )
        .then(() => true, () => false);
      if (!finished) {
        // Name the cells that did not finish, so a time-out says where it stuck.
        const pending = await page.evaluate(([sel, done]) =>
          [...document.querySelectorAll<HTMLElement>(sel)]
            .filter((s) => !done.includes(s.dataset.state ?? ""))
            .map((s) => `${s.closest("section.cell")?.getAttribute("data-cell-id") ?? "?"}: ${s.textContent}`), [CELL_STATUS, FINISHED] as const);
        expect.fail(`Run all did not finish within ${RUN_ALL_MS / 1000} s; still running: ${pending.join("; ")}`);
      }
      const states = await page.locator(CELL_STATUS).evaluateAll((els) => els.map((s) => `${s.closest("section.cell")?.getAttribute("data-cell-id")}: ${(s as HTMLElement).dataset.state} ${s.textContent}`));
      expect(states.filter((s) => !/^[^:]*: done /.test(s + " ")), "every cell runs without an error").toEqual([]);
      await page.waitForTimeout(300); // lazily drawn plots
      expect(await violationsInBothSchemes(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

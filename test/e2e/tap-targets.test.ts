/**
 * Phones: every built page at 390 px, in both editions, as built (no Run all).
 *
 * - Tap targets (WCAG 2.5.8, and the course's own rule: at least 24 px on
 *   phones): every control — link, button, field, summary, focusable region —
 *   has a box at least 24×24 CSS px. A field inside its label counts the
 *   label's box (a tap on the label is a tap on the field). Links inside a
 *   sentence are exempt, as WCAG exempts inline links; a link alone in its
 *   list item (a table of contents entry) is a control and is measured. This
 *   is stricter than WCAG's spacing exception on purpose: a 16 px line of
 *   links is hard to hit even when the lines are far apart. The table of
 *   contents and the chapter menu are opened first, so their links count.
 *   (axe-core's `target-size` rule, tried first, takes about 6 s on a long
 *   chapter and accepts small targets by spacing; measuring boxes takes a
 *   fraction of that.)
 * - The header at 390 and 320 px, light and dark: nothing sticks out of the
 *   viewport and no item wraps onto a second line.
 *
 * One browser page for the whole suite, loaded once per path and width.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { builtPages } from "../../src/integrations/sitemap.ts";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const PAGES = builtPages("dist");
const MIN = 24;

/** Controls under `scope` whose target is smaller than MIN×MIN, each as "selector-ish w×h". */
async function smallTargets(page: Page, scope = "body"): Promise<string[]> {
  return page.evaluate(([sel, min]) => {
    const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
    const PROSE = "p, li, td, th, dd, dt, figcaption, blockquote";
    const root = document.querySelector(sel);
    if (!root) return [`no ${sel}`];
    const describe = (el: Element) => {
      const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
      const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : "";
      const where = el.parentElement?.closest("[class]");
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 24);
      return `${where ? "." + where.className.trim().split(/\s+/)[0] + " " : ""}${el.tagName.toLowerCase()}${cls}${type}${text ? ` "${text}"` : ""}`;
    };
    /** A link that is part of a sentence: its block holds other words besides it. */
    const inSentence = (el: Element) => {
      if (el.tagName !== "A") return false;
      const block = el.parentElement?.closest(PROSE);
      if (!block || block.closest(".toc, .chapter-menu, .pager, .site-header")) return false;
      return (block.textContent ?? "").replace(/\s+/g, "").length > (el.textContent ?? "").replace(/\s+/g, "").length;
    };
    const found: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(CONTROLS)) {
      if (el.closest("iframe, dialog:not([open])") || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (inSentence(el)) continue;
      const label = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.labels?.[0] : undefined;
      const own = el.getBoundingClientRect();
      const box = label ? label.getBoundingClientRect() : own;
      const w = Math.max(own.width, box.width);
      const h = Math.max(own.height, box.height);
      if (w === 0 && h === 0) continue;
      if (w < min - 0.01 || h < min - 0.01) found.push(`${describe(el)} ${Math.round(w * 10) / 10}×${Math.round(h * 10) / 10}`);
    }
    return found;
  }, [scope, MIN] as const);
}

/** Header items that leave the viewport or wrap onto a second line, described. */
async function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>(".site-header");
    if (!header) return ["no .site-header"];
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (header.scrollWidth > header.clientWidth + 1) problems.push(`header overflows: ${header.scrollWidth} > ${header.clientWidth}`);
    for (const el of header.querySelectorAll<HTMLElement>(".brand, nav > a, nav summary, .search-open, .theme-select")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = `${el.className || el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`;
      if (box.left < -1 || box.right > width + 1) problems.push(`${name} is outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      // One line: the text's line boxes all share one top (the search button's and theme menu's text is not laid out as lines).
      if (!el.matches(".brand, nav > a, nav summary")) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`${name} wraps onto ${tops.size} lines`);
    }
    return problems;
  });
}

describe.skipIf(!hasBrowser)("phones: tap targets and the header at 390 px", () => {
  const site = useSite();
  let page: Page | undefined;

  const open = async (path: string, width: number): Promise<Page> => {
    page ??= await (await site.browser().newContext({ viewport: { width, height: 844 }, hasTouch: true })).newPage();
    await page.setViewportSize({ width, height: 844 });
    await page.goto(site.url() + path);
    // Blocks off screen skip layout (content-visibility, Base.astro) and would be measured at placeholder sizes.
    await page.addStyleTag({ content: "main.chapter > * { content-visibility: visible !important; }" });
    return page;
  };

  it.each(PAGES)("%s: every tap target is at least 24×24 px (table of contents and chapter menu open)", async (path) => {
    const p = await open(path, 390);
    const toggle = p.locator(".toc-toggle");
    if ((await toggle.count()) && (await toggle.isVisible())) await toggle.click();
    const found = await smallTargets(p);
    const menu = p.locator(".chapter-menu > summary");
    if (await menu.count()) {
      await menu.click();
      found.push(...(await smallTargets(p, ".chapter-menu")).map((v) => `menu open: ${v}`));
    }
    expect(found).toEqual([]);
  });

  it.each(PAGES.filter((p) => /^\/(zh\/)?(backpropagation\/)?$/.test(p)))("%s: the header fits at 390 and 320 px, light and dark", async (path) => {
    const problems: string[] = [];
    for (const width of [390, 320]) {
      const p = await open(path, width);
      for (const scheme of ["light", "dark"] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        problems.push(...(await headerProblems(p)).map((m) => `${width} px ${scheme}: ${m}`));
      }
      await p.emulateMedia({ colorScheme: null });
    }
    expect(problems).toEqual([]);
  });
});

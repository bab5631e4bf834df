/**
 * Inline formulas on a phone (src/markdown/inline-breaks.ts, katex.ts): a
 * browser never wraps inside `<math>`, so a long one is drawn as pieces that
 * may wrap; none runs past its column, and punctuation after a formula stays
 * on the formula's line (a line may break on either side of a `<math>`).
 * The pages hold the course's longest inline formulas, in both editions.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { useSite } from "./site.ts";

const PAGES = ["/neurons-and-layers/", "/derivatives-and-gradients/", "/training-end-to-end/", "/cheat-sheet/", "/activation-functions/",
  "/zh/neurons-and-layers/", "/zh/derivatives-and-gradients/", "/zh/training-end-to-end/", "/zh/cheat-sheet/"];

describe.skipIf(!hasBrowser)("inline formulas at 390 px (Chromium)", () => {
  const site = useSite();

  it("fit their column, wrapping between pieces, and keep the punctuation after them", async () => {
    const page = await site.browser().newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    let wrapped = 0;
    for (const path of PAGES) {
      await page.goto(site.url() + path, { waitUntil: "load" });
      await page.addStyleTag({ content: "main.chapter > * { content-visibility: visible !important; }" });
      await page.evaluate(() => document.fonts.ready);
      const r = await page.evaluate(() => {
        const out: string[] = [];
        let wrapped = 0;
        const tex = (k: Element) => k.querySelector("annotation")?.textContent?.slice(0, 60);
        for (const k of document.querySelectorAll("main.chapter .katex")) {
          if (k.closest(".math-display, table, .toc")) continue;
          const drawn = [...k.querySelectorAll(":scope > math:not(.visually-hidden), .math-pieces > math")];
          const column = k.closest("p, li, dd, figcaption, blockquote")?.getBoundingClientRect();
          if (!column || drawn.length === 0) continue;
          const boxes = drawn.map((m) => m.getBoundingClientRect());
          for (const b of boxes) if (b.right > column.right + 1 || b.left < column.left - 1) out.push(`${Math.round(b.width)} px piece outside its ${Math.round(column.width)} px column: ${tex(k)}`);
          if (new Set(boxes.map((b) => Math.round(b.top))).size > 1) wrapped++;
          // After the formula, or inside the pieces after the last one (math-punctuation.ts).
          const next = drawn.at(-1)!.parentElement!.matches(".math-pieces .math-glue") ? drawn.at(-1)!.nextSibling : k.nextSibling;
          if (next?.nodeType === Node.TEXT_NODE && /^[,.;:)，。；：）、]/.test(next.textContent ?? "")) {
            const range = document.createRange();
            range.setStart(next, 0);
            range.setEnd(next, 1);
            const mark = range.getBoundingClientRect();
            const last = boxes.at(-1)!;
            if (mark.top >= last.bottom || mark.bottom <= last.top) out.push(`"${next.textContent![0]}" after ${tex(k)} starts the next line`);
          }
        }
        return { out, wrapped };
      });
      problems.push(...r.out.map((p) => `${path}: ${p}`));
      wrapped += r.wrapped;
    }
    await page.close();
    expect(problems).toEqual([]);
    expect(wrapped, "long formulas wrap across lines somewhere on these pages").toBeGreaterThan(3);
  }, 120_000);
});

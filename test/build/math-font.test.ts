/**
 * Formulas are MathML drawn in the course's math font, a subset of Latin
 * Modern Math (src/fonts/subset-math-font.ts). A character the subset lacks
 * would be drawn from some other font, out of place in its formula: every
 * character every built page's formulas draw must be in the font. Pages keep
 * no HTML copy of a formula, and no `mathvariant` that browsers ignore.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Blob, Face } from "harfbuzzjs";
import { convert } from "fontverter";
import { builtPages } from "../../src/integrations/sitemap.ts";
import { mathCharacters } from "../../src/fonts/math-characters.ts";

const DIST = "dist";
const pages = builtPages(DIST).map((path) => ({ path, html: readFileSync(join(DIST, path, "index.html"), "utf8") }));
const font = readFileSync(new URL("../../src/fonts/latin-modern-math.woff2", import.meta.url));
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

describe("the math font", () => {
  it("holds every character of every page's formulas", async () => {
    const face = new Face(new Blob(await convert(font, "sfnt")), 0);
    const inFont = new Set(face.collectUnicodes());
    expect(inFont.size).toBeGreaterThan(100);
    const missing = pages.flatMap(({ path, html }) =>
      [...mathCharacters(html)].filter((c) => !inFont.has(c.codePointAt(0)!)).map((c) => `${path}: ${c} (${hex(c)})`));
    // Fix: build, then `node src/fonts/subset-math-font.ts` (see that file).
    expect(missing).toEqual([]);
  });

  it("is preloaded on pages with formulas and served from the built site", () => {
    const withMath = pages.filter((p) => p.html.includes("<math"));
    expect(withMath.length).toBeGreaterThan(20);
    for (const { path, html } of withMath) {
      const href = /<link rel="preload" href="([^"]+\.woff2)" as="font"/.exec(html)?.[1];
      expect(href, path).toBeDefined();
      expect(existsSync(join(DIST, href!)), `${path}: ${href}`).toBe(true);
    }
  });

  it("draws formulas from their MathML only, with no mathvariant other than normal", () => {
    for (const { path, html } of pages) {
      expect(html, path).not.toContain("katex-html");
      expect(html.match(/mathvariant="(?!normal")[^"]*"/g) ?? [], path).toEqual([]);
    }
  });
});

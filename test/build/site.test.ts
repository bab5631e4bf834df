import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIST = "dist";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return p.endsWith(".html") ? [p] : [];
  });
}

const pages = htmlFiles(DIST);
/** Chapter pages of both editions (the course indexes at / and /zh/ and the 404 page have no formulas). */
const chapterPages = pages.filter((p) => p !== join(DIST, "index.html") && p !== join(DIST, "zh", "index.html") && p !== join(DIST, "404.html") && !p.includes("_astro"));
const read = (p: string) => readFileSync(p, "utf8");
/** Prose text of a page: tags, scripts, styles, templates, code and KaTeX's MathML annotations removed. */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style|template|annotation|pre|code)\b[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ");

describe("built site", () => {
  it("has an index and at least one chapter page", () => {
    expect(existsSync(join(DIST, "index.html"))).toBe(true);
    expect(chapterPages.length).toBeGreaterThan(0);
  });

  it.each(chapterPages)("%s typesets its math with KaTeX and leaves no raw TeX", (page) => {
    const html = read(page);
    expect(html).toMatch(/class="katex"/);
    // The TeX kept for screen readers and copying is the source, not Markdown's reading of it.
    expect(html).not.toMatch(/<annotation[^>]*>[^<]*<(em|strong|code)>/);
    expect(visibleText(html)).not.toMatch(/\$\$/);
    expect(html).not.toMatch(/language-math|math-display"><\/code>/);
    // inline $…$ left unparsed would show up as text between dollar signs
    expect(visibleText(html)).not.toMatch(/\$[^$\s][^$]*\\[a-z]+[^$]*\$/);
  });

  it("draws the placeholder chapter's Plot figure at build time", () => {
    const html = read(join(DIST, "how-this-notebook-works", "index.html"));
    expect(html).toMatch(/<figure class="static-figure"[^>]*>[\s\S]*?<svg[^>]*class="plot-/);
    expect(html).toMatch(/<path[^>]+d="M/); // the line mark actually has a path
  });

  it.each(pages)("%s: every internal link and anchor resolves", (page) => {
    const html = read(page);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      const [path, hash] = href.split("#");
      if (path === "") {
        expect(ids.has(decodeURIComponent(hash)), `${page}: anchor #${hash}`).toBe(true);
        continue;
      }
      const target = join(DIST, path.endsWith("/") ? join(path, "index.html") : path);
      expect(existsSync(target), `${page}: link ${href}`).toBe(true);
      if (hash) {
        const targetIds = new Set([...read(target).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        expect(targetIds.has(decodeURIComponent(hash)), `${page}: link ${href}`).toBe(true);
      }
    }
  });

  it.each(pages)("%s: element ids are unique (cell anchors do not collide)", (page) => {
    const ids = [...read(page).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated, page).toEqual([]);
  });

  it("every notebook cell has the anchor cell-<id> on its container", () => {
    for (const page of chapterPages) {
      const html = read(page);
      for (const [tag] of html.matchAll(/<section\b[^>]*\bclass="cell"[^>]*>/g)) {
        const id = /data-cell-id="([^"]+)"/.exec(tag)?.[1];
        expect(tag, page).toContain(` id="cell-${id}"`);
      }
    }
  });

  it("the cheat sheet links each formula's section to the cell that checks it", () => {
    const html = read(join(DIST, "cheat-sheet", "index.html"));
    const chapterLinks = [...html.matchAll(/<a\b[^>]*\shref="(\/[a-z0-9-]+\/#(?!cell-)[^"]+)"[^>]*>chapter \d<\/a>/g)];
    expect(chapterLinks.length).toBeGreaterThanOrEqual(60);
    const pairs = [...html.matchAll(/>chapter \d<\/a>, cell <a\b[^>]*\shref="((?:\/([a-z0-9-]+)\/)?#cell-([a-z0-9-]+))"[^>]*><code>([a-z0-9-]+)<\/code><\/a>/g)];
    expect(pairs.length, "every chapter link is followed by a cell link").toBe(chapterLinks.length);
    for (const [, href, slug, id, shown] of pairs) {
      expect(shown, href).toBe(id);
      const target = read(slug ? join(DIST, slug, "index.html") : join(DIST, "cheat-sheet", "index.html"));
      // The anchor is a cell's container, not a heading or another element that happens to share the name.
      expect(target, href).toMatch(new RegExp(`<section\\b[^>]*\\sid="cell-${id}"[^>]*\\sdata-cell-id="${id}"`));
    }
  });
});

/**
 * Every chapter page's table of contents, as built: each entry links to a
 * heading on the page and reads as that heading reads — a formula in a heading
 * shows once in its entry, not as KaTeX's MathML, TeX and HTML copies in a row
 * (src/components/toc.ts; test/components/toc.test.ts drives a heading with
 * math through the same pipeline).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { builtPages } from "../../src/integrations/sitemap.ts";

const DIST = "dist";
const chapterPages = builtPages(DIST).filter((p) => readFileSync(join(DIST, p, "index.html"), "utf8").includes('id="toc-list"'));

/** Text as shown: each formula's TeX annotation (for copying and assistive technology) left out. */
function shownText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const m of copy.querySelectorAll("annotation")) m.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

describe("tables of contents", () => {
  it("are on every chapter page", () => {
    expect(chapterPages.length).toBeGreaterThan(10);
  });

  it.each(chapterPages)("%s: each entry reads as the heading it links to", (path) => {
    const { document } = parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8"));
    const links = [...document.querySelectorAll<HTMLAnchorElement>("#toc-list a")];
    expect(links.length).toBeGreaterThan(0);
    const mismatches = links.flatMap((a) => {
      const id = decodeURIComponent(a.getAttribute("href")!.slice(1));
      const heading = document.getElementById(id);
      if (!heading || !/^H[23]$/.test(heading.tagName)) return [`${id}: no h2/h3 with this id`];
      return shownText(a) === shownText(heading) ? [] : [`${id}: entry "${shownText(a)}" ≠ heading "${shownText(heading)}"`];
    });
    expect(mismatches).toEqual([]);
  });
});

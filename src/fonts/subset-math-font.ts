/**
 * Makes `latin-modern-math.woff2`, the course's math font, from Latin Modern
 * Math (GUST Font License, `GUST-FONT-LICENSE.txt`): the font of TeX's
 * Computer Modern with an OpenType MATH table, which is what a browser needs
 * to lay out MathML as TeX does (fraction rules, script sizes, radicals,
 * stretched brackets and braces).
 *
 * The whole font is 734 KB; the site's formulas use a small part of it. The
 * subset keeps the characters the built pages' formulas draw
 * (`math-characters.ts`) and every glyph the font's MATH table reaches from
 * them (larger sizes and pieces of stretched operators). A build test
 * (`test/build/math-font.test.ts`) fails, naming the character and the page,
 * when a formula uses one the subset lacks; then build the site and run
 *
 *   node src/fonts/subset-math-font.ts [path/to/latinmodern-math.otf]
 *
 * The default path is Debian's (`apt-get install fonts-lmodern`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";
import { builtPages } from "../integrations/sitemap.ts";
import { mathCharacters } from "./math-characters.ts";

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2] ?? "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf";
  const chars = new Set<string>();
  for (const page of builtPages("dist")) mathCharacters(readFileSync(join("dist", page, "index.html"), "utf8"), chars);
  const text = [...chars].sort().join("");
  const out = new URL("./latin-modern-math.woff2", import.meta.url);
  // Of the font's OpenType features only `dtls` (dotless i and j under accents): `ssty`, the script-size letters,
  // doubled the file and Chromium does not apply it; `aalt` lists alternates no renderer uses.
  const woff2 = await subsetFont(readFileSync(source), text, { targetFormat: "woff2", keepFeatures: ["dtls"] });
  writeFileSync(out, woff2);
  console.log(`${out.pathname}: ${(woff2.length / 1024).toFixed(1)} KB, ${chars.size} characters: ${text}`);
}

/**
 * Full-text search, built with the site: after `astro build`, Pagefind indexes
 * every chapter page (the chapters, the cheat sheet and the glossary, in each
 * edition) into `dist/<base>/pagefind/`. The index is static files the browser
 * fetches in small chunks, so search needs no server and works offline once
 * cached. Pagefind splits the index by `<html lang>` (one for English, one for
 * Chinese, which it segments into words), and records each heading with an
 * id, so a result can link to the section it was found in.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/** What is not a chapter's text: navigation, controls, outputs, each formula's TeX source (its MathML's annotation) and the drawn pieces of a long inline formula (its whole copy is indexed). */
const EXCLUDE = [
  "header.site-header", "footer.site-footer", "nav", ".skip-link", "button", "select", "[role=toolbar]",
  "annotation", ".math-pieces", ".cell-output", "output", "[aria-hidden=true]", "script", "style",
];

/** A page is a chapter page when its main element has the `chapter` class (src/pages/[chapter].astro). */
export const isChapterPage = (html: string): boolean => /<main\b[^>]*\bclass="[^"]*\bchapter\b/.test(html);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name));
}

export function searchIndex(): AstroIntegration {
  let base = "/";
  return {
    name: "search-index",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
        if (!index) throw new Error(`search index: pagefind did not start: ${errors.join("; ")}`);
        let pages = 0;
        for (const file of htmlFiles(root)) {
          const content = readFileSync(file, "utf8");
          if (!isChapterPage(content)) continue;
          const path = relative(root, file).split(sep).join("/").replace(/index\.html$/, "");
          const added = await index.addHTMLFile({ url: base + path, content });
          if (added.errors.length) throw new Error(`search index: ${path}: ${added.errors.join("; ")}`);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: join(root, base.slice(1), "pagefind") });
        await pagefind.close();
        if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
        if (pages === 0) throw new Error("search index: no chapter pages found in dist/");
        logger.info(`pagefind: ${pages} pages indexed`);
      },
    },
  };
}

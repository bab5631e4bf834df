/**
 * `sitemap.xml` and `robots.txt` for search engines, written after the build
 * from the pages in dist/ (every page but the 404). A page whose other
 * edition exists (`/x/` ⇄ `/zh/x/`) lists both as hreflang alternates.
 * Absolute URLs come from `site` in astro.config.mjs.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { LANGS, pathInLang } from "../i18n/lang.ts";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Site paths (after the base) of the built pages: `/`, `/backpropagation/`, `/zh/…`. */
export function builtPages(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === "index.html")
    .map((e) => "/" + relative(root, e.parentPath).split(sep).join("/"))
    .map((p) => (p === "/" ? p : `${p}/`))
    .sort();
}

export function sitemapXml(paths: string[], origin: string): string {
  const known = new Set(paths);
  const urls = paths.map((path) => {
    const alternates = LANGS.map((lang) => [lang, pathInLang(path, lang)] as const).filter(([, p]) => known.has(p));
    const links = alternates.length > 1
      ? alternates.map(([lang, p]) => `\n    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(origin + p.slice(1))}"/>`).join("")
      : "";
    return `  <url>\n    <loc>${escapeXml(origin + path.slice(1))}</loc>${links}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}

export function sitemap(): AstroIntegration {
  let origin = "";
  return {
    name: "sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        if (!config.site) throw new Error("sitemap: set `site` in astro.config.mjs");
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        origin = new URL(base, config.site).href; // ends with "/"
      },
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const paths = builtPages(root); // 404.html is not an index.html, so it is not listed
        writeFileSync(join(root, "sitemap.xml"), sitemapXml(paths, origin));
        writeFileSync(join(root, "robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${origin}sitemap.xml\n`);
        logger.info(`sitemap.xml: ${paths.length} pages`);
      },
    },
  };
}

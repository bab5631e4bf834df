/**
 * What the built site tells other sites (src/components/SiteMeta.astro,
 * src/integrations/sitemap.ts): every page in the sitemap, each with a
 * canonical URL equal to its sitemap entry and Open Graph/Twitter tags; the
 * 404 page in neither. All of them at the address SITE_URL gives the build
 * (src/integrations/site-url.ts), which this test reads the same way.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtPages } from "../../src/integrations/sitemap.ts";
import { LOCAL_SITE_URL, siteUrl } from "../../src/integrations/site-url.ts";

const DIST = "dist";
const sitemap = readFileSync(join(DIST, "sitemap.xml"), "utf8");
const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
const origin = new URL(locs[0] ?? "http://invalid/").origin;
const attr = (html: string, re: RegExp) => html.match(re)?.[1];

describe("the site's address (SITE_URL)", () => {
  it("is what the build was given, or the local address when unset", () => {
    expect(origin + "/").toBe(new URL(siteUrl().url).origin + "/");
    expect(siteUrl("")).toEqual({ url: new URL(LOCAL_SITE_URL).href, fromEnv: false });
    expect(siteUrl("https://learn.example.com")).toEqual({ url: "https://learn.example.com/", fromEnv: true });
  });

  it.each(["learn.example.com", "ftp://example.com/", "/course/", "https://example.com/course/", "https://user:pw@example.com/", "https://example.com/?a=1"])("rejects %s, naming it", (bad) => {
    expect(() => siteUrl(bad)).toThrow(JSON.stringify(bad));
  });

  it("fails the build on a bad value, naming it, before building anything", () => {
    let output = "";
    try {
      execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", "dist-bad-site-url"], {
        env: { ...process.env, SITE_URL: "ftp://nope" }, encoding: "utf8", stdio: "pipe",
      });
    } catch (err) {
      output = String((err as { stderr?: string }).stderr) + String((err as { stdout?: string }).stdout);
    }
    expect(output).toContain('SITE_URL is not an absolute http(s) URL: "ftp://nope"');
    expect(existsSync("dist-bad-site-url")).toBe(false);
  });
});

describe("sitemap, canonical URLs and link previews", () => {
  it("lists every built page once, with absolute URLs, and not the 404 page", () => {
    const pages = builtPages(DIST);
    expect(pages).toContain("/");
    expect(pages.length).toBeGreaterThan(5);
    expect(locs.map((l) => new URL(l).pathname).sort()).toEqual(pages.map((p) => p).sort());
    expect(new Set(locs).size).toBe(locs.length);
    expect(sitemap).not.toContain("404");
    expect(readFileSync(join(DIST, "robots.txt"), "utf8")).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });

  it.each(builtPages(DIST))("%s has a canonical URL equal to its sitemap entry, and preview tags", (path) => {
    const html = readFileSync(join(DIST, path, "index.html"), "utf8");
    const canonical = attr(html, /<link rel="canonical" href="([^"]+)"/);
    expect(canonical).toBe(origin + path);
    expect(locs).toContain(canonical);
    expect(attr(html, /<meta property="og:url" content="([^"]+)"/)).toBe(canonical);
    const title = attr(html, /<meta property="og:title" content="([^"]+)"/);
    expect(title && html.includes(`<title>${title}`)).toBe(true);
    expect(attr(html, /<meta property="og:description" content="([^"]+)"/)).toBe(attr(html, /<meta name="description" content="([^"]+)"/));
    expect(attr(html, /<meta name="twitter:card" content="([^"]+)"/)).toBe("summary");
  });

  it("keeps the 404 page out of search engines", () => {
    expect(existsSync(join(DIST, "404.html"))).toBe(true);
    const html = readFileSync(join(DIST, "404.html"), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
  });
});

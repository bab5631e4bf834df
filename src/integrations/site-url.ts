/**
 * The address the site is served from, which canonical URLs, Open Graph tags,
 * hreflang alternates, `sitemap.xml` and `robots.txt` are written with. It
 * comes from the SITE_URL environment variable at build time; unset, a local
 * build uses the dev server's address and says so once (a deploy sets it).
 */
import type { AstroIntegration } from "astro";

/** The address of `npm run dev` and `npm run preview`, used when SITE_URL is unset. */
export const LOCAL_SITE_URL = "http://localhost:4321";

/** SITE_URL checked: an absolute http(s) URL, else an error naming the value. Unset or empty: the local address. */
export function siteUrl(value: string | undefined = process.env.SITE_URL): { url: string; fromEnv: boolean } {
  if (value === undefined || value.trim() === "") return { url: new URL(LOCAL_SITE_URL).href, fromEnv: false };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL is not an absolute http(s) URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`SITE_URL is not an absolute http(s) URL: ${JSON.stringify(value)}`);
  // Astro resolves page paths against the origin (a path in `site` would be silently dropped): a sub-path is `base`.
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    throw new Error(`SITE_URL must be an origin such as https://example.com (for a sub-path also set base in astro.config.mjs): ${JSON.stringify(value)}`);
  }
  return { url: url.href, fromEnv: true };
}

/** Says once per build which address the absolute URLs use when SITE_URL was not set. */
export function siteAddressNote(site: { url: string; fromEnv: boolean }): AstroIntegration {
  return {
    name: "site-address",
    hooks: {
      "astro:build:start": ({ logger }) => {
        if (!site.fromEnv) logger.warn(`canonical, Open Graph and sitemap URLs use ${site.url}; set SITE_URL to the site's public address for a deploy`);
      },
    },
  };
}

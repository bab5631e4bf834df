/**
 * Offline use: after `astro build`, Workbox (workbox-build's generateSW)
 * writes `sw.js`, a service worker that precaches every page, script, style,
 * font (woff2: what every browser the course supports loads) and the search
 * index, so after one visit the whole course works with no network. The
 * digits file (1.5 MB, fetched only by chapter 9) is cached when first
 * fetched. A new build ships a new precache manifest; the page offers to
 * reload (src/components/offline-client.ts) instead of swapping under the
 * reader. Also writes the web app manifest.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { generateSW } from "workbox-build";
import { DIGITS_ASSET } from "../nn/digits.ts";

export const SW_FILE = "sw.js";
export const MANIFEST_FILE = "manifest.webmanifest";

export function offline(): AstroIntegration {
  let base = "/";
  return {
    name: "offline",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        writeFileSync(join(root, MANIFEST_FILE), JSON.stringify({
          name: "How Networks Learn",
          short_name: "Networks",
          description: "A notebook-style course on how neural networks learn, with runnable TypeScript cells.",
          start_url: base,
          scope: base,
          display: "standalone",
          background_color: "#ffffff",
          theme_color: "#1d4ed8",
          // PNG (src/integrations/icons.ts): the browser fetches and decodes these through the page as well.
          icons: [192, 512].map((size) => ({ src: `${base}icon-${size}.png`, sizes: `${size}x${size}`, type: "image/png" })),
        }, null, 2));
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          globPatterns: [
            "**/*.html", "_astro/*.{js,css}", "_astro/*.woff2", "*.{png,webmanifest}",
            "pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json",
            "pagefind/*.pf_meta", "pagefind/wasm.*.pagefind", "pagefind/index/*", "pagefind/fragment/*",
          ],
          modifyURLPrefix: base === "/" ? undefined : { "": base },
          swDest: join(root, SW_FILE),
          // The type checker's worker bundles TypeScript (about 4 MB).
          maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
          cleanupOutdatedCaches: true,
          // Pagefind adds a cache-busting `?ts=` to its entry file; the precached copy answers it (a new build brings a new one).
          ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
          // The first visit's page is controlled as soon as the cache is filled, so it works offline after one visit.
          clientsClaim: true,
          // A new version waits until the reader chooses to reload (the page posts SKIP_WAITING).
          skipWaiting: false,
          runtimeCaching: [{
            // A RegExp, not a function: generateSW copies the pattern into sw.js, where this module's names do not exist.
            urlPattern: new RegExp(`/${DIGITS_ASSET.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
            handler: "CacheFirst",
            options: { cacheName: "digits" },
          }],
          sourcemap: false,
          mode: "production",
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`${SW_FILE}: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MiB`);
      },
    },
  };
}

// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { katexPlugin } from "./src/markdown/katex.ts";
import { cellsPlugin } from "./src/markdown/cells.ts";
import { codeThemes, lightCodeTransformer } from "./src/markdown/code-colours.ts";
import { typecheckDeclarations } from "./src/components/typecheck/vite-plugin.ts";
import { digitsAsset } from "./src/integrations/digits-integration.ts";
import { trimSucrase } from "./src/integrations/trim-sucrase.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { offline } from "./src/integrations/offline.ts";
import { plotChunkGroups } from "./src/integrations/plot-chunks.ts";
import { siteUrl, siteAddressNote } from "./src/integrations/site-url.ts";

// Sätteri parses `$…$`/`$$…$$` (features.math) but renders nothing: katexPlugin
// typesets them at build time. cellsPlugin turns ```ts cell blocks into <Cell>.
const processor = satteri({
  features: { math: true, headingAttributes: true },
  mdastPlugins: [katexPlugin, cellsPlugin],
});

// The public address (canonical, Open Graph, hreflang and sitemap URLs): SITE_URL, checked; a local address when unset.
const site = siteUrl();

export default defineConfig({
  site: site.url,
  trailingSlash: "ignore",
  markdown: {
    processor,
    // The high-contrast pair keeps code text at WCAG AA in both colour schemes
    // (the default github-dark has tokens below 4.5:1); site.css switches on
    // prefers-color-scheme. The transformer keeps the markup light (code-colours.ts).
    shikiConfig: { themes: codeThemes, transformers: [lightCodeTransformer] },
  },
  // digitsAsset: the MNIST digits file chapter 9 loads on demand (src/nn/digits.ts).
  // searchIndex: Pagefind's static index of the chapter pages, built after the pages.
  // sitemap: sitemap.xml and robots.txt, with absolute URLs from `site`.
  // siteAddressNote: one line at build time when SITE_URL is unset.
  // offline: Workbox's service worker precaching the whole built site (last: it lists every file the others wrote).
  integrations: [siteAddressNote(site), mdx(), digitsAsset(), searchIndex(), sitemap(), offline()],
  vite: {
    // Plot and d3 in three chunks that evaluate a task apart (plot-chunks.ts).
    environments: { client: { build: { rolldownOptions: { output: { codeSplitting: { groups: plotChunkGroups } } } } } },
    // Exercise files and figures import from "nn" exactly as cells do (vitest.config.ts and the Node
    // worker's resolve hook, src/runtime/nn-specifier.ts, map it the same way).
    resolve: { alias: [{ find: /^nn$/, replacement: fileURLToPath(new URL("./src/nn/index.ts", import.meta.url)) }] },
    // One self-contained classic worker script: the kernel frame (an opaque
    // origin, see src/runtime/kernel-frame.ts) starts it from a blob, where
    // chunk imports could not load and module workers do not start.
    // The type checker's worker imports the nn and lib declarations generated at build time.
    plugins: [typecheckDeclarations()],
    worker: { format: "iife", rolldownOptions: { output: { codeSplitting: false } }, plugins: () => [typecheckDeclarations(), trimSucrase()] },
  },
});

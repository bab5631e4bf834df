// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { katexPlugin } from "./src/markdown/katex.ts";
import { cellsPlugin } from "./src/markdown/cells.ts";

// Sätteri parses `$…$`/`$$…$$` (features.math) but renders nothing: katexPlugin
// typesets them at build time. cellsPlugin turns ```ts cell blocks into <Cell>.
const processor = satteri({
  features: { math: true },
  mdastPlugins: [katexPlugin, cellsPlugin],
});

export default defineConfig({
  site: "https://example.org",
  trailingSlash: "ignore",
  markdown: { processor },
  integrations: [mdx()],
  vite: {
    worker: { format: "es" },
  },
});

// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { katexPlugin } from "./src/markdown/katex.ts";
import { cellsPlugin } from "./src/markdown/cells.ts";
import { typecheckDeclarations } from "./src/components/typecheck/vite-plugin.ts";

// Sätteri parses `$…$`/`$$…$$` (features.math) but renders nothing: katexPlugin
// typesets them at build time. cellsPlugin turns ```ts cell blocks into <Cell>.
const processor = satteri({
  features: { math: true },
  mdastPlugins: [katexPlugin, cellsPlugin],
});

export default defineConfig({
  site: "https://example.org",
  trailingSlash: "ignore",
  markdown: {
    processor,
    // The high-contrast pair keeps code text at WCAG AA in both colour schemes
    // (the default github-dark has tokens below 4.5:1); site.css switches on
    // prefers-color-scheme.
    shikiConfig: { themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } },
  },
  integrations: [mdx()],
  vite: {
    // The type checker's worker imports the nn and lib declarations generated at build time.
    plugins: [typecheckDeclarations()],
    worker: { format: "es", plugins: () => [typecheckDeclarations()] },
  },
});

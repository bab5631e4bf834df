/**
 * Puts the digits file into the site: `dist/<base>/data/digits-v1.bin.gz` after
 * a build, and the same path from memory on the dev server. The file is made
 * from node_modules (`digits-asset.ts`), never committed and never fetched
 * from anywhere else; the page requests it only when a cell calls `digits()`.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { DIGITS_ASSET } from "../nn/digits.ts";
import { digitsAssetPath } from "./digits-asset.ts";

export function digitsAsset(): AstroIntegration {
  let base = "/";
  return {
    name: "digits-asset",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:setup": ({ server }) => {
        const path = `${base}${DIGITS_ASSET}`;
        server.middlewares.use((req, res, next) => {
          if (new URL(req.url ?? "/", "http://x").pathname !== path) return next();
          res.setHeader("content-type", "application/gzip");
          res.end(readFileSync(digitsAssetPath()));
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        // dist/ is the site root; the page asks for the file under the base path (browser.ts adds BASE_URL).
        const target = fileURLToPath(new URL(DIGITS_ASSET, dir));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(digitsAssetPath(), target);
        logger.info(`${DIGITS_ASSET}: ${(statSync(target).size / 1024).toFixed(0)} KiB`);
      },
    },
  };
}

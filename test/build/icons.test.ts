/**
 * The site's icons (src/integrations/icons.ts): PNGs drawn from
 * public/favicon.svg, still matching it, and what the built pages and the
 * manifest point at. No page links an SVG icon: the browser would decode it
 * on the page's main thread.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drawnFrom, ICONS, readPng, sourceHash } from "../../src/integrations/icons.ts";

const svg = readFileSync("public/favicon.svg");

describe("the site's icons", () => {
  it.each(ICONS)("public/$file is $size px, drawn from the current favicon.svg", ({ file, size }) => {
    const png = readFileSync(join("public", file));
    const { width, height } = readPng(png);
    expect([width, height]).toEqual([size, size]);
    expect(drawnFrom(png), `${file} was drawn from another favicon.svg: run node src/integrations/icons.ts`).toBe(sourceHash(svg));
  });

  it("a changed drawing is caught", () => {
    expect(drawnFrom(readFileSync("public/icon-32.png"))).not.toBe(sourceHash(Buffer.concat([svg, Buffer.from(" ")])));
  });

  it("every page links the PNG icons and no SVG icon; the manifest lists PNGs of the sizes it says", () => {
    for (const page of ["dist/index.html", "dist/zh/index.html", "dist/backpropagation/index.html", "dist/404.html"]) {
      const html = readFileSync(page, "utf8");
      const icons = [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)"[^>]*>/g)].map((m) => m[0]);
      expect(icons.length, page).toBe(2);
      for (const link of icons) {
        expect(link, page).not.toMatch(/svg/);
        const href = link.match(/href="\/([^"]+)"/)![1];
        expect(existsSync(join("dist", href)), `${page}: ${href}`).toBe(true);
      }
    }
    const manifest = JSON.parse(readFileSync("dist/manifest.webmanifest", "utf8")) as { icons: { src: string; sizes: string; type: string }[] };
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      expect(icon.type).toBe("image/png");
      const { width, height } = readPng(readFileSync(join("dist", icon.src)));
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });
});

/**
 * The site's icons as PNG, rendered from `public/favicon.svg` (the one
 * drawing), and the check that they still are.
 *
 * Why PNG: a browser fetches the page's icon and the manifest's icons through
 * the page's own renderer, and decodes an SVG there by building a whole SVG
 * document (a page of its own, committed on the page's main thread): 20–50 ms
 * of main-thread work per icon at every page load, measured in Lighthouse's
 * traces. A PNG decodes off the main thread.
 *
 * The PNGs are committed in `public/`; each carries the SHA-256 of the SVG it
 * was drawn from in a `tEXt` chunk, which `test/build/icons.test.ts` compares
 * with the SVG: change the drawing, then run
 *
 *   node src/integrations/icons.ts
 *
 * (it draws them with the system Chromium).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";

/** Each icon: its file in `public/` and its size in px. */
export const ICONS = [
  { file: "icon-32.png", size: 32 }, // the page's icon
  { file: "icon-180.png", size: 180 }, // apple-touch-icon
  { file: "icon-192.png", size: 192 }, // the manifest's
  { file: "icon-512.png", size: 512 }, // the manifest's, for splash screens
] as const;

const SOURCE_KEY = "source-sha256";

/** The SHA-256 (hex) of the drawing. */
export function sourceHash(svg: Buffer | string): string {
  return createHash("sha256").update(svg).digest("hex");
}

/** A PNG's width, height and `tEXt` entries. */
export function readPng(png: Buffer): { width: number; height: number; text: Record<string, string> } {
  if (png.subarray(0, 8).toString("latin1") !== "\x89PNG\r\n\x1a\n") throw new Error("not a PNG file");
  const text: Record<string, string> = {};
  let width = 0, height = 0;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString("latin1");
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    } else if (type === "tEXt") {
      const nul = data.indexOf(0);
      text[data.subarray(0, nul).toString("latin1")] = data.subarray(nul + 1).toString("latin1");
    }
    at += 12 + length;
  }
  return { width, height, text };
}

/** `png` with a `tEXt` chunk `key`=`value` before its end. */
export function withText(png: Buffer, key: string, value: string): Buffer {
  const data = Buffer.from(`${key}\0${value}`, "latin1");
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write("tEXt", 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = png.length - 12; // IEND is the last chunk, with no data
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

/** The hash a committed icon says it was drawn from (undefined if none). */
export function drawnFrom(png: Buffer): string | undefined {
  return readPng(png).text[SOURCE_KEY];
}

async function render(publicDir: string): Promise<void> {
  const { launch } = await import("../../test/e2e/browser.ts");
  const svg = readFileSync(join(publicDir, "favicon.svg"));
  const browser = await launch();
  try {
    for (const { file, size } of ICONS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="data:image/svg+xml;base64,${svg.toString("base64")}">`);
      await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(publicDir, file), withText(png, SOURCE_KEY, sourceHash(svg)));
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await render(join(import.meta.dirname, "../../public"));

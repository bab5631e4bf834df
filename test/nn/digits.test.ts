import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/nn/rng.ts";
import {
  DIGIT_PIXELS, DIGITS_CHECKSUM, DIGITS_COUNT, decodeDigits, digitRows, digits, encodeDigits, fnv1a, loadDigitsFile,
  setDigitsSource, type DigitsSource,
} from "../../src/nn/digits.ts";
import { buildDigitsAsset, digitsAssetPath, nodeDigitsSource } from "../../src/integrations/digits-asset.ts";

const fromDisk: DigitsSource = async () => readFileSync(digitsAssetPath());

describe("the digits file (src/integrations/digits-asset.ts)", () => {
  it("is made deterministically from the mnist package: the cached file, a fresh build and the checksum nn expects agree", () => {
    const cached = readFileSync(digitsAssetPath());
    const fresh = buildDigitsAsset();
    expect(Buffer.from(fresh).equals(cached)).toBe(true);
    const raw = gunzipSync(cached);
    expect(raw.length).toBe(32 + DIGITS_COUNT * (1 + DIGIT_PIXELS));
    expect(raw.readUInt32LE(24)).toBe(DIGITS_CHECKSUM);
    // Compressed, it is a fifth of the raw bytes: worth serving gzip-compressed.
    expect(cached.length).toBeLessThan(raw.length / 4);
  }, 120_000);
});

describe("decodeDigits(bytes)", () => {
  const tiny = (): Uint8Array => {
    const labels = Uint8Array.from([3, 0, 9]);
    const pixels = new Uint8Array(3 * DIGIT_PIXELS).map((_, k) => (k * 7) % 256);
    return encodeDigits(labels, pixels);
  };
  it("round-trips encodeDigits, compressed or not", async () => {
    const bytes = tiny();
    for (const input of [bytes, new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer())]) {
      const f = await decodeDigits(input, { expectChecksum: null });
      expect(f.count).toBe(3);
      expect(Array.from(f.labels)).toEqual([3, 0, 9]);
      expect(f.pixels[7]).toBe(49);
    }
  });
  it("refuses a truncated file, naming the sizes", async () => {
    await expect(decodeDigits(tiny().subarray(0, 1000), { expectChecksum: null })).rejects.toThrow(/corrupt \(1000 bytes, expected 2387 for 3 images\)/);
    await expect(decodeDigits(new Uint8Array(10))).rejects.toThrow(/shorter than the 32-byte header/);
  });
  it("refuses a flipped byte by its checksum", async () => {
    const bytes = tiny();
    bytes[500] ^= 1;
    await expect(decodeDigits(bytes, { expectChecksum: null })).rejects.toThrow(/corrupt \(checksum 0x[0-9a-f]{8}, the header says 0x[0-9a-f]{8}\)/);
  });
  it("refuses a file that is not a digits file, or not the course's digits", async () => {
    await expect(decodeDigits(new TextEncoder().encode("<!doctype html><html>not found</html>"))).rejects.toThrow(/starts with "<!doctyp", not "HNLDIGIT"/);
    await expect(decodeDigits(tiny())).rejects.toThrow(/is not the course's data/);
    await expect(decodeDigits(Uint8Array.from([0x1f, 0x8b, 1, 2, 3]))).rejects.toThrow(/corrupt \(gzip/);
  });
  it("encodeDigits refuses a label that is not a digit", () => {
    expect(() => encodeDigits(Uint8Array.from([10]), new Uint8Array(DIGIT_PIXELS))).toThrow("label 10 at image 0 is not a digit");
  });
  it("fnv1a is the 32-bit FNV-1a hash", () => {
    expect(fnv1a(new TextEncoder().encode("a"))).toBe(0xe40c292c);
  });
});

describe("digits({ rng, test, train, source })", () => {
  it("splits the 10,000 digits at random: 8000 + 2000 by default, every image once, values 0..1", async () => {
    const { train, test } = await digits({ rng: createRng(9), source: fromDisk });
    expect(train.x.shape).toBe("8000x784");
    expect(test.x.shape).toBe("2000x784");
    expect(train.classes).toBe(10);
    let min = Infinity, max = -Infinity;
    for (const v of train.x.data) { if (v < min) min = v; if (v > max) max = v; }
    expect([min, max]).toEqual([0, 1]);
    // Every image exactly once: the labels of both parts add up to the file's counts.
    const file = await loadDigitsFile(fromDisk);
    const want = new Array(10).fill(0), got = new Array(10).fill(0);
    for (const l of file.labels) want[l]++;
    for (const l of [...train.y, ...test.y]) got[l]++;
    expect(got).toEqual(want);
    expect(want.every((c) => c > 800)).toBe(true);
  }, 30_000);
  it("repeats for the same seed and differs for another", async () => {
    const a = await digits({ rng: createRng(1), test: 50, train: 50, source: fromDisk });
    const b = await digits({ rng: createRng(1), test: 50, train: 50, source: fromDisk });
    const c = await digits({ rng: createRng(2), test: 50, train: 50, source: fromDisk });
    expect(Array.from(a.train.y)).toEqual(Array.from(b.train.y));
    expect(a.train.x.data).toEqual(b.train.x.data);
    expect(Array.from(a.train.y)).not.toEqual(Array.from(c.train.y));
  });
  it("uses the installed source when none is given, and says so when there is none", async () => {
    const prev = setDigitsSource(null);
    try {
      await expect(digits({ rng: createRng(1) })).rejects.toThrow(/no data source is installed/);
      setDigitsSource(nodeDigitsSource);
      expect((await digits({ rng: createRng(1), test: 10, train: 10 })).test.x.rows).toBe(10);
    } finally {
      setDigitsSource(prev);
    }
  });
  it("names a failing source and tries again on the next call", async () => {
    let calls = 0;
    const flaky: DigitsSource = async () => {
      if (calls++ === 0) throw new Error("/data/digits-v1.bin.gz answered 404 Not Found");
      return readFileSync(digitsAssetPath());
    };
    await expect(digits({ rng: createRng(1), source: flaky })).rejects.toThrow("digits: could not load the data: /data/digits-v1.bin.gz answered 404 Not Found");
    expect((await digits({ rng: createRng(1), test: 5, train: 5, source: flaky })).train.x.rows).toBe(5);
  });
  it("rejects bad options, naming them", async () => {
    await expect(digits({} as never)).rejects.toThrow("digits: rng is required");
    await expect(digits({ rng: createRng(1), test: 0, source: fromDisk })).rejects.toThrow("test must be a positive integer, got 0");
    await expect(digits({ rng: createRng(1), test: 5000, train: 6000, source: fromDisk })).rejects.toThrow("train + test = 11000 but there are only 10000 images");
  });
  it("digitRows refuses an index outside the file", async () => {
    const file = await loadDigitsFile(fromDisk);
    expect(() => digitRows(file, [10000])).toThrow("digitRows: image 10000 is outside the 10000 images");
  });
});

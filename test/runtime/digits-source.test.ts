/**
 * Where the digits come from in the runtime: the browser worker's fetch source
 * (names the URL and status when the file is missing), and the cells' `nn`,
 * which offers digits() but not the runtime's setDigitsSource.
 */
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDigitsSource } from "../../src/runtime/digits-source.ts";
import { cellNn } from "../../src/runtime/cell-nn.ts";

describe("fetchDigitsSource(url)", () => {
  let base = "";
  const server = createServer((req, res) => {
    if (req.url === "/data/digits-v1.bin.gz") {
      res.writeHead(200, { "content-type": "application/gzip" });
      res.end(Buffer.from([1, 2, 3]));
    } else {
      res.writeHead(404, "Not Found");
      res.end("not found");
    }
  });
  beforeAll(async () => {
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it("gives the file's bytes", async () => {
    const bytes = await fetchDigitsSource(`${base}/data/digits-v1.bin.gz`)();
    expect(Array.from(new Uint8Array(bytes as ArrayBuffer))).toEqual([1, 2, 3]);
  });
  it("names the URL and the status of a failed request", async () => {
    await expect(fetchDigitsSource(`${base}/missing.bin`)()).rejects.toThrow(`${base}/missing.bin answered 404 Not Found`);
  });
  it("names the URL when nothing answers", async () => {
    await expect(fetchDigitsSource("http://127.0.0.1:1/data.bin")()).rejects.toThrow(/^fetching http:\/\/127\.0\.0\.1:1\/data\.bin failed/);
  });
});

describe("the cells' nn", () => {
  it("has digits() and the preprocessing, but not the runtime's setDigitsSource", () => {
    expect(typeof cellNn.digits).toBe("function");
    expect(typeof cellNn.preprocessDrawing).toBe("function");
    expect(cellNn.setDigitsSource).toBeUndefined();
  });
});

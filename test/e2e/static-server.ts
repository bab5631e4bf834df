/**
 * A static file server for dist/, on a free loopback port. The e2e tests use
 * it plain; the page benchmarks (bench/static-host.ts) ask for what a
 * production static host does: gzip when the browser accepts it, long-lived
 * caching for Astro's hashed assets, revalidation for pages.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".txt", ".ttf"]);

/**
 * Serves `root` on 127.0.0.1; resolves with its base URL, a close function, and two switches for the offline
 * test: `setDown` drops every request, `setOverride` serves a body instead of a file. `production`: gzip and
 * cache headers.
 */
export async function serveStatic(root = "dist", options: { production?: boolean } = {}): Promise<{
  url: string;
  close: () => Promise<void>;
  setDown: (down: boolean) => void;
  setOverride: (path: string, body: string | null) => void;
}> {
  const base = resolve(root);
  const gzipped = new Map<string, Buffer>();
  let down = false;
  /** Bodies served instead of a file's (the offline test's "new build" of sw.js). */
  const overrides = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    // "Down": every request fails as on a dropped network (the offline test's proof that nothing came from here).
    if (down) return void req.socket.destroy();
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const override = overrides.get(path);
      if (override !== undefined) {
        res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
        return void res.end(override);
      }
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) throw new Error("outside root");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const ext = extname(file);
      let body: Uint8Array = await readFile(file);
      const headers: Record<string, string> = { "content-type": TYPES[ext] ?? "application/octet-stream" };
      if (options.production) {
        headers["cache-control"] = path.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate";
        if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
          let gz = gzipped.get(file);
          if (!gz) gzipped.set(file, (gz = gzipSync(body, { level: 9 })));
          body = gz;
          headers["content-encoding"] = "gzip";
          headers["vary"] = "accept-encoding";
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
    setDown: (d) => {
      down = d;
      if (d) server.closeAllConnections();
    },
    setOverride: (path, body) => (body === null ? overrides.delete(path) : overrides.set(path, body)),
  };
}

/** A tiny static file server for dist/, on a free loopback port. */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

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

/** Serves `root` on 127.0.0.1; resolves with its base URL and a close function. */
export async function serveStatic(root = "dist"): Promise<{
  url: string;
  close: () => Promise<void>;
  setDown: (down: boolean) => void;
  setOverride: (path: string, body: string | null) => void;
}> {
  const base = resolve(root);
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
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
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

/**
 * Serves dist/ the way a static host does: gzip when the browser accepts it,
 * long-lived caching for Astro's hashed assets, revalidation for pages. The
 * page benchmarks measure against this rather than the bare test server, so
 * transfer sizes and Lighthouse scores mean what they would in production.
 * One server with the e2e tests' (test/e2e/static-server.ts), in its production mode.
 */
import { serveStatic } from "../test/e2e/static-server.ts";

export function serveCompressed(root = "dist"): Promise<{ url: string; close: () => Promise<void> }> {
  return serveStatic(root, { production: true });
}

// `node bench/static-host.ts [dir]`: serve until interrupted (to point Lighthouse or a browser at it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serveCompressed(process.argv[2] ?? "dist");
  console.log(s.url);
}

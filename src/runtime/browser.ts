/**
 * The page's way to start the runtime: the cell worker inside a sandboxed
 * kernel frame (its own process where the browser allows it; see
 * `kernel-frame.ts`), wrapped for `KernelHost`. Kept apart from `host.ts` so
 * the host itself stays free of bundler-specific worker URLs (and testable in
 * Node).
 */
import { DIGITS_ASSET } from "../nn/digits.ts";
import { fetchDigitsSource } from "./digits-source.ts";
import { KernelHost, type KernelHostOptions, type WorkerLike } from "./host.ts";
import { createFrameWorker } from "./kernel-frame.ts";
import type { AssetName } from "./protocol.ts";
// Vite bundles worker.ts as a worker (one file: see astro.config.mjs) and gives its URL.
import workerUrl from "./worker.ts?worker&url";
// The syntax-error locator (acorn), built the same way as a script of its own; the kernel asks for it only when needed.
import locatorUrl from "./syntax-locator-entry.ts?worker&url";

export { frameIsolation } from "./kernel-frame.ts";

/** Starts a fresh kernel: a new frame and worker. */
export function createBrowserWorker(): WorkerLike {
  return createFrameWorker(workerUrl);
}

/**
 * The site files a cell may ask for, fetched by the page (same origin: the
 * kernel's own origin is opaque, so it could not read them without CORS
 * headers a static host does not send). Fetched only when a cell asks; the
 * build copies each file under the site's base.
 */
const ASSETS: Record<AssetName, () => Promise<ArrayBuffer>> = {
  digits: fetchDigitsSource(new URL(`${import.meta.env.BASE_URL}${DIGITS_ASSET}`, location.href).href),
  "syntax-locator": async () => {
    const response = await fetch(locatorUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  },
};

/** A host for one page, using browser workers. */
export function createBrowserHost(options: Omit<KernelHostOptions, "createWorker"> = {}): KernelHost {
  return new KernelHost({ fetchAsset: (name) => ASSETS[name](), ...options, createWorker: createBrowserWorker });
}

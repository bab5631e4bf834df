/**
 * The page's way to start the runtime: the cell worker inside a sandboxed
 * kernel frame (its own process where the browser allows it; see
 * `kernel-frame.ts`), wrapped for `KernelHost`. Kept apart from `host.ts` so
 * the host itself stays free of bundler-specific worker URLs (and testable in
 * Node).
 */
import { KernelHost, type KernelHostOptions, type WorkerLike } from "./host.ts";
import { createFrameWorker } from "./kernel-frame.ts";
// Vite bundles worker.ts as a worker (one file: see astro.config.mjs) and gives its URL.
import workerUrl from "./worker.ts?worker&url";

export { frameIsolation } from "./kernel-frame.ts";

/** Starts a fresh kernel: a new frame and worker. */
export function createBrowserWorker(): WorkerLike {
  return createFrameWorker(workerUrl);
}

/** A host for one page, using browser workers. */
export function createBrowserHost(options: Omit<KernelHostOptions, "createWorker"> = {}): KernelHost {
  return new KernelHost({ ...options, createWorker: createBrowserWorker });
}

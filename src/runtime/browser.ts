/**
 * The page's way to start the runtime: a module Web Worker running
 * `worker.ts`, wrapped for `KernelHost`. Kept apart from `host.ts` so the host
 * itself stays free of bundler-specific worker URLs (and testable in Node).
 */
import { KernelHost, webWorkerLike, type KernelHostOptions, type WorkerLike } from "./host.ts";

/** Starts a fresh cell worker. The `new Worker(new URL(...))` form lets Vite bundle the worker. */
export function createBrowserWorker(): WorkerLike {
  return webWorkerLike(new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "cells" }));
}

/** A host for one page, using browser workers. */
export function createBrowserHost(options: Omit<KernelHostOptions, "createWorker"> = {}): KernelHost {
  return new KernelHost({ ...options, createWorker: createBrowserWorker });
}

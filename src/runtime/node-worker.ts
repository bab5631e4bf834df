/**
 * A `worker_threads` Worker wrapped as a `WorkerLike`, so `KernelHost` runs
 * unchanged in Node (tests, the headless content runner). Node only.
 */
import { Worker } from "node:worker_threads";
import type { WorkerLike } from "./host.ts";
import type { WorkerToHost } from "./protocol.ts";

/** Options for {@link createNodeWorker}. */
export interface NodeWorkerOptions {
  /** Module to use as `nn` (a file URL or path); defaults to src/nn/index.ts. */
  nnModule?: string;
}

/** Starts the kernel in a fresh worker thread (its own global scope). */
export function createNodeWorker(options: NodeWorkerOptions = {}): WorkerLike {
  const worker = new Worker(new URL("./node-worker-entry.ts", import.meta.url), {
    workerData: { nnModule: options.nnModule },
  });
  let crash: ((reason: string) => void) | null = null;
  let terminated = false;
  worker.on("error", (e) => crash?.(e instanceof Error ? e.message : String(e)));
  worker.on("exit", (code) => {
    if (!terminated) crash?.(`the worker exited with code ${code}`);
  });
  return {
    postMessage: (m) => worker.postMessage(m),
    onMessage: (listener) => worker.on("message", (m: WorkerToHost) => listener(m)),
    onCrash: (listener) => {
      crash = listener;
    },
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
}

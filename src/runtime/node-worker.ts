/**
 * A `worker_threads` Worker wrapped as a `WorkerLike`, so `KernelHost` runs
 * unchanged in Node (tests, the headless content runner). Node only.
 */
import { MessageChannel, Worker } from "node:worker_threads";
import type { CrashCause } from "./crash.ts";
import type { WorkerLike } from "./host.ts";

/** Options for {@link createNodeWorker}. */
export interface NodeWorkerOptions {
  /** Module to use as `nn` (a file URL or path); defaults to src/nn/index.ts. */
  nnModule?: string;
}

/** Starts the kernel in a fresh worker thread (its own global scope). */
export function createNodeWorker(options: NodeWorkerOptions = {}): WorkerLike {
  // The kernel's private channel, as in the browser: only this port is listened to.
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./node-worker-entry.ts", import.meta.url), {
    workerData: { nnModule: options.nnModule, port: port2 },
    transferList: [port2],
  });
  let crash: ((cause: CrashCause) => void) | null = null;
  let terminated = false;
  worker.on("error", (e) => crash?.({ code: "failed", detail: e instanceof Error ? e.message : String(e) }));
  worker.on("exit", (code) => {
    if (!terminated) crash?.({ code: "exited", exitCode: code });
  });
  return {
    postMessage: (m) => port1.postMessage(m),
    onMessage: (listener) => {
      port1.on("message", (m: unknown) => listener(m));
      port1.on("messageerror", () => listener(null));
    },
    onCrash: (listener) => {
      crash = listener;
    },
    terminate: () => {
      terminated = true;
      port1.close();
      void worker.terminate();
    },
  };
}

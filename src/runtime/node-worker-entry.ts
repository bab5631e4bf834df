/**
 * Node `worker_threads` entry: the same kernel as the browser worker, wired
 * to `parentPort`. Loaded by `node-worker.ts` with Node's own TypeScript type
 * stripping, so everything it imports must be erasable TypeScript.
 */
import { parentPort, workerData } from "node:worker_threads";
import { setYieldHook } from "../nn/cooperate.ts";
import { setDigitsSource } from "../nn/digits.ts";
import { nodeDigitsSource } from "../integrations/digits-asset.ts";
import { createKernel } from "./kernel.ts";
import { installGrader } from "./grader/install.ts";
import { nodeExerciseLoader } from "./grader/node-loader.ts";
import type { HostToWorker, WorkerToHost } from "./protocol.ts";

const port = parentPort;
if (!port) throw new Error("node-worker-entry must run in a worker thread");
const data = (workerData ?? {}) as { nnModule?: string };
const nn = data.nnModule ? ((await import(data.nnModule)) as Record<string, unknown>) : (await import("./cell-nn.ts")).cellNn;
const kernel = createKernel({ global: globalThis, post: (m: WorkerToHost) => port.postMessage(m), nn, setYieldHook });
// The same digits file the site serves, read from disk.
setDigitsSource(nodeDigitsSource);
installGrader(globalThis, nodeExerciseLoader(new URL("../../content/", import.meta.url)));
port.on("message", (m: HostToWorker) => kernel.handle(m));
process.on("unhandledRejection", (reason) => kernel.reportUncaught(reason, "rejection"));
process.on("uncaughtException", (error) => kernel.reportUncaught(error, "worker"));

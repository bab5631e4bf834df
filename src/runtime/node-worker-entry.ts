/**
 * Node `worker_threads` entry: the same kernel as the browser worker, wired
 * to `parentPort`. Loaded by `node-worker.ts` with Node's own TypeScript type
 * stripping, so everything it imports must be erasable TypeScript.
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { setYieldHook } from "../nn/cooperate.ts";
import { setDigitsSource } from "../nn/digits.ts";
import { nodeDigitsSource } from "../integrations/digits-asset.ts";
import { createKernel } from "./kernel.ts";
import { createGrader } from "./grader/install.ts";
import { nodeExerciseLoader } from "./grader/node-loader.ts";
import { registerNnSpecifier } from "./nn-specifier.ts";
import type { HostToWorker, WorkerToHost } from "./protocol.ts";

const data = (workerData ?? {}) as { nnModule?: string; port?: MessagePort };
const port = data.port;
if (!port) throw new Error("node-worker-entry must run in a worker thread with a port in workerData");
delete data.port; // out of a cell's reach (workerData is importable)
const nn = data.nnModule ? ((await import(data.nnModule)) as Record<string, unknown>) : (await import("./cell-nn.ts")).cellNn;
const send = port.postMessage.bind(port);
const grade = createGrader(globalThis, nodeExerciseLoader(new URL("../../content/", import.meta.url)));
// acorn, for the position of an early error the engine found, only when one occurs (as in the browser).
const locateSyntaxError = async (js: string, source: string) => (await import("./syntax-locator.ts")).locateSyntaxError(js, source);
const kernel = createKernel({ global: globalThis, post: (m: WorkerToHost) => send(m), nn, setYieldHook, grade, locateSyntaxError });
// The same digits file the site serves, read from disk.
setDigitsSource(nodeDigitsSource);
// Exercise files import "nn" as cells do; Node resolves it through this hook (before the first grading loads one).
registerNnSpecifier();
port.on("message", (m: HostToWorker) => kernel.handle(m));
process.on("unhandledRejection", (reason) => kernel.reportUncaught(reason, "rejection"));
process.on("uncaughtException", (error) => kernel.reportUncaught(error, "worker"));

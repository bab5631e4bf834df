/**
 * Browser Web Worker entry: wires the kernel to `self`.
 * Started by the page as a module worker (see `browser.ts`).
 */
import { setYieldHook } from "../nn/cooperate.ts";
import { DIGITS_ASSET, setDigitsSource } from "../nn/digits.ts";
import { fetchDigitsSource } from "./digits-source.ts";
import { cellNn } from "./cell-nn.ts";
import { createKernel } from "./kernel.ts";
import { installGrader } from "./grader/install.ts";
import { globExerciseLoader } from "./grader/loaders.ts";
import type { HostToWorker, WorkerToHost } from "./protocol.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Bound now: a cell may shadow `postMessage` on the global object later.
const send = scope.postMessage.bind(scope);
const kernel = createKernel({ global: globalThis, post: (m: WorkerToHost) => send(m), nn: cellNn, setYieldHook });
// The digits file, fetched only when a cell calls digits(); the build copies it under the site's base.
// The URL is resolved then, not now: a worker started from a blob: URL has no usable base, and must still start.
// (`?.`: a bundle built without Vite has no import.meta.env.)
setDigitsSource(fetchDigitsSource(() => new URL(`${import.meta.env?.BASE_URL ?? "/"}${DIGITS_ASSET}`, scope.location.origin).href));
// Exercises load lazily: a page pays for an exercise's references only when it is graded.
installGrader(globalThis, globExerciseLoader(() => import.meta.glob("/content/*/exercises/*/exercise.ts")));
scope.addEventListener("message", (e: MessageEvent<HostToWorker>) => kernel.handle(e.data));
scope.addEventListener("unhandledrejection", (e: PromiseRejectionEvent) => {
  e.preventDefault();
  kernel.reportUncaught(e.reason, "rejection");
});
scope.addEventListener("error", (e: ErrorEvent) => {
  e.preventDefault();
  kernel.reportUncaught(e.error ?? new Error(e.message), "worker");
});

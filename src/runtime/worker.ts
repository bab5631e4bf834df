/**
 * Browser Web Worker entry: wires the kernel to a private channel.
 *
 * The host's first message carries a MessagePort (see `webWorkerLike` in
 * host.ts); the kernel speaks only on that port and the host listens only to
 * it. Before the port arrives — so before any cell can run — the global
 * `postMessage` and `close` are removed from the worker: a cell cannot speak
 * the runtime's protocol (the host would not hear it anyway) or end the
 * kernel silently. The port itself lives only in this module's closure, and
 * the kernel sends through a function bound here, so later changes a cell
 * makes to `MessagePort.prototype` cannot reach it.
 */
import { setYieldHook } from "../nn/cooperate.ts";
import { setDigitsSource } from "../nn/digits.ts";
import { cellNn } from "./cell-nn.ts";
import { createKernel } from "./kernel.ts";
import { createGrader } from "./grader/install.ts";
import { globExerciseLoader } from "./grader/loaders.ts";
import { SYNTAX_LOCATOR_KEY, type HostToWorker, type WorkerToHost } from "./protocol.ts";
import type { locateSyntaxError } from "./syntax-locator.ts";

type Locate = typeof locateSyntaxError;

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Removes `name` from the global object and its whole prototype chain; a stub that throws takes its place. */
function withdraw(name: "postMessage" | "close", why: string): void {
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, name)) delete (o as Record<string, unknown>)[name];
  }
  Object.defineProperty(scope, name, {
    value: () => {
      throw new TypeError(`${name}: ${why}`);
    },
    writable: false,
    configurable: false,
    enumerable: false,
  });
}

const addListener = scope.addEventListener.bind(scope);
const removeListener = scope.removeEventListener.bind(scope);
withdraw("postMessage", "cells cannot message the page; use display() or console.log()");
withdraw("close", "a cell cannot close the kernel; Stop or Restart the notebook instead");

// The global error events still arrive here; they are reported through the kernel once it is connected.
let kernel: ReturnType<typeof createKernel> | null = null;
addListener("unhandledrejection", (e: PromiseRejectionEvent) => {
  e.preventDefault();
  kernel?.reportUncaught(e.reason, "rejection");
});
addListener("error", (e: ErrorEvent) => {
  e.preventDefault();
  kernel?.reportUncaught(e.error ?? new Error(e.message), "worker");
});

function connect(e: MessageEvent): void {
  const port = e.ports[0];
  if ((e.data as { type?: unknown } | null)?.type !== "connect" || !port) return;
  removeListener("message", connect);
  const send = port.postMessage.bind(port) as (m: WorkerToHost) => void;
  // Exercises load lazily: a page pays for an exercise's references only when it is graded (layout: grader/exercise-files.ts).
  const grade = createGrader(globalThis, globExerciseLoader(
    () => import.meta.glob("/content/*/exercises/*/exercise.ts"),
    () => import.meta.glob("/content/*/exercises/*/zh-CN.ts"),
  ));
  kernel = createKernel({ global: globalThis, post: send, nn: cellNn, setYieldHook, grade, locateSyntaxError: (js, source) => loadLocator().then((locate) => locate(js, source)) });
  // The digits file (chapter 9): this worker's origin is opaque, so the page fetches it, same-origin, on request.
  const k = kernel;
  setDigitsSource(() => k.requestAsset("digits"));
  // The syntax-error locator (acorn, a bundle of its own: syntax-locator-entry.ts), fetched by the page the first
  // time the engine rejects a cell; a failed load is retried at the next such error.
  let locator: Promise<Locate> | null = null;
  const loadLocator = (): Promise<Locate> => {
    locator ??= k.requestAsset("syntax-locator").then((bytes) => {
      (0, eval)(new TextDecoder().decode(bytes));
      const g = globalThis as unknown as Record<symbol, unknown>;
      const locate = g[SYNTAX_LOCATOR_KEY];
      delete g[SYNTAX_LOCATOR_KEY];
      if (typeof locate !== "function") throw new Error("the syntax-error locator did not load");
      return locate as Locate;
    });
    locator.catch(() => (locator = null));
    return locator;
  };
  port.onmessage = (m: MessageEvent<HostToWorker>) => k.handle(m.data);
}
addListener("message", connect);

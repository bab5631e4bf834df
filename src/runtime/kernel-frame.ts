/**
 * The kernel in its own process: a sandboxed iframe (`sandbox="allow-scripts"`,
 * so an opaque origin) that hosts the cell worker. A dedicated Worker lives in
 * its page's renderer process, so a cell that exhausts memory would take the
 * whole tab down with it; browsers with site isolation put an opaque-origin
 * frame in a process of its own (Chromium 156 does: checked by
 * test/e2e/hostile.test.ts), so the same crash only ends this frame, and the
 * host starts a new one.
 *
 * The frame cannot load the site's worker script itself (an opaque origin may
 * not start a worker from the site's URL), so the page fetches the bundled
 * worker once and hands the frame its text; the frame starts it from a blob
 * and passes on the kernel's private MessagePort. After that the page talks
 * to the kernel directly on the port; the frame only reports that it is alive
 * (a heartbeat: a crashed process sends nothing, and no event tells the page)
 * and that the worker failed to load.
 *
 * Main thread only (DOM). `frameIsolation()` says whether this browser
 * actually gave the frame its own process, so the page can say so when it
 * cannot.
 */
import { crashText, type CrashCause } from "./crash.ts";
import { portMessaging, type WorkerLike } from "./host.ts";
import { isLang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import { runtimeOffline } from "../i18n/messages/site.ts";

/** How often the frame says it is alive, and how long a silence means its process died. */
const BEAT_MS = 250;
const DEAD_MS = 3000;
/** How long the frame busy-waits in one isolation probe, how much of either end a tick must clear, and how many tries. */
const PROBE_MS = 20;
const PROBE_EDGE_MS = 3;
const PROBE_TRIES = 3;
/** How long a new frame may take to say hello. */
const START_MS = 15_000;


/** The frame's own script: starts the worker it is handed, beats, and answers the isolation probe. */
const FRAME_SCRIPT = `
"use strict";
let worker = null;
const now = () => performance.timeOrigin + performance.now();
addEventListener("message", (e) => {
  if (e.source !== parent) return;
  const d = e.data;
  if (d && d.type === "boot" && !worker && e.ports[0]) {
    const url = URL.createObjectURL(new Blob([d.source instanceof Blob ? d.source : String(d.source)], { type: "text/javascript" }));
    worker = new Worker(url, { name: "cells" });
    worker.onerror = (ev) => {
      ev.preventDefault();
      parent.postMessage({ type: "crash", reason: String(ev.message || "") }, "*");
    };
    worker.postMessage({ type: "connect" }, [e.ports[0]]);
  } else if (d && d.type === "probe") {
    // A message leaves only when the task that posted it ends: the wait is a task of its own.
    parent.postMessage({ type: "probe-start" }, "*");
    const ms = Number(d.ms) || 0;
    setTimeout(() => {
      const start = now();
      while (now() - start < ms) {}
      parent.postMessage({ type: "probe", start, end: now() }, "*");
    }, 0);
  }
});
setInterval(() => parent.postMessage({ type: "alive" }, "*"), ${BEAT_MS});
parent.postMessage({ type: "hello" }, "*");
`;
const FRAME_HTML = `<!doctype html><meta charset="utf-8"><title>cell kernel</title><script>${FRAME_SCRIPT}</script>`;

/** The worker's file could not be fetched (an HTTP status other than 2xx). */
class LoadError extends Error {
  readonly crash: CrashCause;
  constructor(crash: CrashCause) {
    super(crashText(crash, "en"));
    this.crash = crash;
  }
}

let source: Promise<Blob> | null = null;
/**
 * The bundled worker's script, fetched once per page (same origin, so no CORS headers are needed). A Blob, not
 * text: the page never decodes its 400 KB, and posting a Blob to the frame passes a handle, not a copy.
 */
function workerSource(url: string): Promise<Blob> {
  source ??= fetch(url).then((r) => {
    if (!r.ok) throw new LoadError({ code: "load-failed", status: r.status, url });
    return r.blob();
  }, (err: unknown) => {
    // A network failure, not a crash: say so when the browser knows it is offline (nothing cached it yet).
    if (!navigator.onLine) {
      const lang = document.documentElement.lang;
      throw new Error(t(runtimeOffline, isLang(lang) ? lang : "en"));
    }
    throw err instanceof Error ? new Error(`could not load the cell runtime (${err.message} for ${url})`) : err;
  });
  source.catch(() => (source = null)); // a later attempt may succeed (e.g. back online)
  return source;
}

let isolation: Promise<boolean> | null = null;
let resolveIsolation: ((isolated: boolean) => void) | null = null;
/** Starts the probe on the live frame once it has booted (null before that, and after it ended). */
let probeLiveFrame: (() => void) | null = null;
/**
 * Whether the kernel frame runs in a process of its own, so a cell's memory
 * exhaustion cannot crash the page. Measured once, on the first frame: the
 * frame says it starts, then busy-waits {@link PROBE_MS}, while the page ticks
 * as fast as it can from that word on (messages to itself, which no timer
 * clamp slows); a frame that shares the page's process (and main thread)
 * leaves no tick inside its busy period.
 * Where it does share, each try is a task of the page's that long: short,
 * unlike the 200 ms wait (twice) this was once, which froze a phone's page
 * for 0.4 s whenever a kernel started.
 * The probe runs when this is first called (or, if no frame is up yet, once
 * one is): the page asks after the reader's first Run, so a page that only
 * starts its kernel ahead of a click does not pay for it.
 */
export function frameIsolation(): Promise<boolean> {
  if (!isolation) {
    isolation = new Promise<boolean>((r) => (resolveIsolation = r));
    probeLiveFrame?.();
  }
  return isolation;
}

/** Starts a kernel: a new sandboxed frame hosting a new worker from `workerUrl`. */
export function createFrameWorker(workerUrl: string): WorkerLike {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.title = "cell runtime (no content)";
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  frame.className = "kernel-frame";
  // Not rendered at all: a frame with a layout box costs the page a layout, paint and intersection pass when it
  // arrives, and it shows nothing anyway. Scripts and workers in a display:none frame run as in any other.
  frame.style.display = "none";
  frame.srcdoc = FRAME_HTML;

  const { port1, port2 } = new MessageChannel();
  let crash: ((cause: CrashCause) => void) | null = null;
  let ended = false;
  let lastBeat = 0;
  let lastCheck = performance.now();
  let probing: { ticks: number[]; ticker: MessageChannel | null; tries: number } | null = null;

  const fail = (cause: CrashCause): void => {
    if (ended) return;
    end();
    crash?.(cause);
  };
  const born = performance.now();
  const watchdog = setInterval(() => {
    const t = performance.now();
    if (lastBeat === 0 && t - born > START_MS) return fail({ code: "frame-silent" });
    // If this check itself ran late (a busy or throttled page), the silence proves nothing.
    const onTime = t - lastCheck < DEAD_MS / 2;
    lastCheck = t;
    if (lastBeat > 0 && onTime && t - lastBeat > DEAD_MS) fail({ code: "out-of-memory" });
  }, BEAT_MS * 2);

  // The page ticks only between the frame's "probe-start" and its answer: a frame in its own process waits in
  // the task after that message, so the ticks land inside the wait; one that shares the page's thread lets no
  // tick run while it waits. Ticking from the request instead kept the page's main thread fully busy while the
  // frame was still starting its worker (60 ms of ticks for a 20 ms probe).
  const tick = (): void => {
    if (!probing || probing.ticker) return;
    const ticks = probing.ticks;
    const ticker = new MessageChannel();
    ticker.port1.onmessage = () => {
      ticks.push(performance.timeOrigin + performance.now());
      if (probing?.ticker === ticker) ticker.port2.postMessage(null);
    };
    ticker.port2.postMessage(null);
    probing.ticker = ticker;
  };
  const probe = (): void => {
    probing = { ticks: [], ticker: null, tries: (probing?.tries ?? 0) + 1 };
    frame.contentWindow?.postMessage({ type: "probe", ms: PROBE_MS }, "*");
  };
  const probeWhenAsked = (): void => {
    if (!ended && resolveIsolation && !probing) probe();
  };
  const stopTicking = (): void => {
    probing?.ticker?.port1.close();
    probing?.ticker?.port2.close();
  };

  const onWindowMessage = (e: MessageEvent): void => {
    if (ended || e.source !== frame.contentWindow) return; // only this frame, never a cell (cells have no window)
    const d = e.data as { type?: unknown; reason?: unknown; start?: unknown; end?: unknown } | null;
    switch (d?.type) {
      case "alive":
        lastBeat = performance.now();
        return;
      case "hello":
        lastBeat = performance.now();
        workerSource(workerUrl).then(
          (script) => {
            if (ended) return;
            frame.contentWindow?.postMessage({ type: "boot", source: script }, "*", [port2]);
            probeLiveFrame = probeWhenAsked;
            if (resolveIsolation) probeWhenAsked();
          },
          (err: Error) => fail(err instanceof LoadError ? err.crash : { code: "failed", detail: String(err.message) }),
        );
        return;
      case "crash":
        fail(typeof d.reason !== "string" ? { code: "failed" } : d.reason ? { code: "failed", detail: d.reason.slice(0, 500) } : { code: "could-not-start" });
        return;
      case "probe-start":
        tick();
        return;
      case "probe": {
        if (!probing || typeof d.start !== "number" || typeof d.end !== "number") return;
        stopTicking();
        const start = d.start, stop = d.end;
        const isolated = probing.ticks.some((t) => t > start + PROBE_EDGE_MS && t < stop - PROBE_EDGE_MS);
        // A page busy with something else (or a busy machine) ticks late too: more tries, a moment apart, before
        // saying "not isolated".
        if (!isolated && probing.tries < PROBE_TRIES) {
          setTimeout(() => !ended && probe(), 100);
          return;
        }
        resolveIsolation?.(isolated);
        resolveIsolation = null;
        return;
      }
    }
  };
  addEventListener("message", onWindowMessage);
  document.body.append(frame);

  function end(): void {
    if (ended) return;
    ended = true;
    if (probeLiveFrame === probeWhenAsked) probeLiveFrame = null;
    clearInterval(watchdog);
    stopTicking();
    removeEventListener("message", onWindowMessage);
    port1.close();
    frame.remove(); // ends the frame's process, and the worker with it
  }

  return {
    ...portMessaging(port1),
    onCrash: (listener) => {
      crash = listener;
    },
    terminate: end,
  };
}

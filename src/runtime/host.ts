/**
 * The page side of the cell runtime: one `KernelHost` per page owns one
 * worker, runs cells one at a time and enforces Stop.
 *
 * Stop is two-stage (src/ARCHITECTURE.md): `stop()` first posts `interrupt`, which ends
 * the run at its next cooperation point while keeping its globals; if the run
 * has not ended after `graceMs` the worker is terminated, a fresh one is
 * started and `onReset` listeners are told which cells had run (their names
 * are gone). A per-run time limit escalates the same way. Only the Worker API
 * is used here (through the small `WorkerLike` interface), so the same host
 * runs against a `worker_threads` Worker in Node tests and headless runs.
 *
 * Nothing from the kernel is trusted (src/ARCHITECTURE.md): messages arrive on a private
 * MessagePort, each is checked against its entry in `message-check.ts`, every
 * text in it is capped (`text-cap.ts`), logs are clamped to the run's cap, and
 * a message is delivered only to the run it names while that run is live (a
 * result or `done` only while it is the run in flight). The kernel
 * acknowledges each run before running it; a kernel that stays silent for
 * `ackMs` is restarted at once instead of at the time limit.
 */
import { acceptsLate, checkMessage } from "./message-check.ts";
import type { AssetName, CellError, GradeRequest, HostToWorker, RunId, UncaughtMessage, WorkerToHost } from "./protocol.ts";
import type { ControlValues } from "./controls.ts";
import type { GradeReport } from "./grader/report.ts";
import type { Rich } from "./rich.ts";
import { capTexts } from "./text-cap.ts";
import { crashText, type CrashCause } from "./crash.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import { crashedScopeReset, startFailed } from "../i18n/messages/runtime.ts";

/** The minimal worker surface the host needs; adapters exist for Web Workers and `worker_threads`. */
export interface WorkerLike {
  postMessage(message: HostToWorker): void;
  /** Registers the (single) listener for messages from the worker: unchecked data, the host validates it. */
  onMessage(listener: (message: unknown) => void): void;
  /** Registers the (single) listener for a crash: the worker died or failed to load. */
  onCrash(listener: (cause: CrashCause) => void): void;
  terminate(): void;
}

/**
 * The messaging half of a WorkerLike over the page's end of the kernel's
 * private channel: a message that cannot be deserialised reaches the listener
 * as null, which the host's message check rejects.
 */
export function portMessaging(port: MessagePort): Pick<WorkerLike, "postMessage" | "onMessage"> {
  return {
    postMessage: (m) => port.postMessage(m),
    onMessage: (listener) => {
      port.onmessage = (e: MessageEvent) => listener(e.data);
      port.onmessageerror = () => listener(null);
    },
  };
}

/**
 * Adapts a browser `Worker` (module worker running `worker.ts`). The kernel's
 * private channel is set up here: the first message hands the worker one end
 * of a MessageChannel, and only that channel is listened to; anything posted
 * on the worker itself is ignored.
 */
export function webWorkerLike(worker: Worker): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ type: "connect" }, [port2]);
  worker.onmessage = null;
  return {
    ...portMessaging(port1),
    onCrash: (listener) => {
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        listener({ code: "failed", detail: e.message || undefined });
      };
    },
    terminate: () => {
      port1.close();
      worker.terminate();
    },
  };
}

/** The host's own progress reports for a run, interleaved with the worker's messages. */
export interface StatusEvent {
  type: "status";
  runId: RunId;
  /** running: left the queue; interrupting: Stop sent; terminating: the worker is being killed. */
  status: "running" | "interrupting" | "terminating";
}

/**
 * The kernel's messages the host keeps to itself: the handshake, a run's
 * acknowledgement and end (told as the run's outcome), a request for a site
 * file (answered here) and a grading report (the outcome's `report`). A new
 * kernel message reaches `onEvent` unless it is named here.
 */
type HostOwnMessage = "ready" | "ack" | "done" | "asset-request" | "grade-report";

/** What `run`'s `onEvent` receives, in order: the host's status reports and every other kernel message about the run. */
export type RunEvent = StatusEvent | Exclude<WorkerToHost, { type: HostOwnMessage }>;

/** How a run ended. */
export type RunStatus = "ok" | "error" | "stopped" | "terminated" | "cancelled";

/** The settled result of `run`. */
export interface RunOutcome {
  runId: RunId;
  cellId: string;
  /**
   * ok / error: the cell finished; stopped: interrupted politely (globals kept);
   * terminated: the worker was killed (scope reset); cancelled: it never started
   * (stopped while queued, or the host was reset or disposed).
   */
  status: RunStatus;
  /** Why it was stopped or terminated. */
  reason?: "user" | "time-limit" | "crash" | "reset";
  /** Wall time from leaving the queue to the end (0 if it never started). */
  ms: number;
  /** The error that ended it (status "error"). */
  error?: CellError;
  /** The displayed value of the last expression, if any. */
  result?: Rich;
  /** A grading run's report (status "ok"). */
  report?: GradeReport;
}

/** Told to `onReset` listeners when the scope was lost. */
export interface ResetInfo {
  reason: "stop" | "time-limit" | "crash" | "manual";
  /** For a crash: what happened, as the host knows it, in the host's language (e.g. "the cell ran out of memory …"). */
  detail?: string;
  /** Cells that had completed a run since the previous reset, in the order they last ran: re-run these to rebuild the scope. */
  ranCells: string[];
}

/** What to run. */
export interface RunRequest {
  cellId: string;
  code: string;
  /** Do not display the last expression's value. */
  silent?: boolean;
  /** Overrides the host's time limit for this run (e.g. 10 minutes for a training cell). */
  timeLimitMs?: number;
  /** Overrides the host's per-run log cap. */
  maxLogLines?: number;
  /** The reader's control values by label (absent: every control's default). */
  controls?: ControlValues;
  /**
   * Grade the scope's definitions instead of running `code` (which is then
   * ignored): the outcome carries the grader's `report`.
   */
  grade?: GradeRequest;
}

/** Options of {@link KernelHost}. */
export interface KernelHostOptions {
  /** Starts a fresh worker running the kernel. Called lazily and after every termination. */
  createWorker: () => WorkerLike;
  /** Default per-run time limit (30 s). */
  timeLimitMs?: number;
  /** How long a polite interrupt may take before the worker is terminated (1 s). */
  graceMs?: number;
  /** Default per-run log cap (1000 lines). */
  maxLogLines?: number;
  /** How long the kernel may take to acknowledge a run before it is declared silent and restarted (3 s). */
  ackMs?: number;
  /**
   * Fetches a site file a run asked for (`asset-request`; the name is already
   * checked against ASSET_NAMES). Without it such requests are answered with
   * an error: a kernel that can read files itself (Node) never asks.
   */
  fetchAsset?: (name: AssetName) => Promise<ArrayBuffer>;
  /** The page's language, for the sentences the host itself adds (a crash, a failed start); English by default. */
  lang?: Lang;
}

interface RunRecord {
  req: RunRequest;
  runId: RunId;
  onEvent: (e: RunEvent) => void;
  resolve: (o: RunOutcome) => void;
  /** Resolves when the run settles (any status). */
  settled: Promise<RunOutcome>;
  state: "queued" | "starting" | "running" | "finished";
  /** No more events are delivered (stopped, superseded by a re-run, reset). */
  dead: boolean;
  started: number;
  stopReason?: "user" | "time-limit";
  stopping?: Promise<"interrupted" | "terminated" | "idle">;
  timer?: ReturnType<typeof setTimeout>;
  /** Pending until the kernel acknowledges the run. */
  ackTimer?: ReturnType<typeof setTimeout>;
  error?: CellError;
  result?: Rich;
  report?: GradeReport;
}

/**
 * Runs cells in a worker, one at a time, with Jupyter semantics (one shared
 * scope per host). Construct one per page.
 */
export class KernelHost {
  #opts: Required<Omit<KernelHostOptions, "createWorker" | "fetchAsset">> & Pick<KernelHostOptions, "createWorker" | "fetchAsset">;
  #worker: WorkerLike | null = null;
  #generation = 0;
  #ready: Promise<void> | null = null;
  #readyResolve: (() => void) | null = null;
  #readyReject: ((e: Error) => void) | null = null;
  /** The current worker has said it is ready. */
  #readyNow = false;
  #nextRunId = 1;
  #queue: RunRecord[] = [];
  #active: RunRecord | null = null;
  /** Latest run of each cell: late output (timers) is delivered only to these. */
  #latest = new Map<string, RunRecord>();
  /** Runs whose messages are still wanted, by id (the active run and the latest finished run of each cell). */
  #live = new Map<RunId, RunRecord>();
  #ranCells: string[] = [];
  #resetListeners = new Set<(info: ResetInfo) => void>();
  #uncaughtListeners = new Set<(msg: UncaughtMessage) => void>();
  #nnExports: string[] = [];
  #disposed = false;
  /** Messages dropped because their run was stale (for tests and diagnostics). */
  staleDropped = 0;
  /** Messages dropped because their shape or size was wrong (for tests and diagnostics). */
  rejected = 0;

  constructor(options: KernelHostOptions) {
    this.#opts = { timeLimitMs: 30_000, graceMs: 1000, maxLogLines: 1000, ackMs: 3000, lang: DEFAULT_LANG, ...options };
  }

  /** Cells that completed a run since the last reset, in the order they last ran. */
  get ranCells(): readonly string[] {
    return this.#ranCells;
  }

  /** True while a run is active or queued. */
  get busy(): boolean {
    return this.#active !== null || this.#queue.length > 0;
  }

  /** Runtime exports of `nn` (known once the worker is ready). */
  get nnExports(): readonly string[] {
    return this.#nnExports;
  }

  /** Starts the worker now (otherwise it starts on the first run); resolves when it is ready. */
  warm(): Promise<void> {
    return this.#ensureWorker();
  }

  /**
   * Queues a run of a cell. Events stream to `onEvent` (also late ones from
   * timers the cell left behind, until the cell is run again); the promise
   * settles with the outcome and never rejects.
   */
  run(req: RunRequest, onEvent: (e: RunEvent) => void = () => {}): Promise<RunOutcome> {
    let resolve!: (o: RunOutcome) => void;
    const settled = new Promise<RunOutcome>((r) => (resolve = r));
    const rec: RunRecord = { req, runId: this.#nextRunId++, onEvent, resolve, settled, state: "queued", dead: false, started: 0 };
    if (this.#disposed) {
      this.#settle(rec, { status: "cancelled", reason: "reset" });
      return settled;
    }
    this.#queue.push(rec);
    void this.#pump();
    return settled;
  }

  /**
   * Stops the active run (and cancels queued ones): polite interrupt first,
   * termination after `graceMs`. Resolves with what it took.
   */
  stop(): Promise<"interrupted" | "terminated" | "idle"> {
    for (const q of this.#queue.splice(0)) this.#settle(q, { status: "cancelled", reason: "user" });
    const rec = this.#active;
    const stopping = rec ? this.#escalate(rec, "user") : Promise.resolve("idle" as const);
    // Timers and animations left by cells that already finished end too.
    if (this.#worker && this.#readyNow) this.#post({ type: "clear-timers", runId: rec?.runId ?? 0 });
    return stopping;
  }

  /** Restarts with an empty scope (a fresh worker). Active and queued runs are cancelled. */
  async reset(): Promise<void> {
    for (const q of this.#queue.splice(0)) this.#settle(q, { status: "cancelled", reason: "reset" });
    const rec = this.#active;
    this.#kill("manual");
    if (rec) this.#settle(rec, { status: "terminated", reason: "reset" });
    await this.#ensureWorker().catch(() => {});
  }

  /** Subscribes to scope resets; returns an unsubscribe function. */
  onReset(listener: (info: ResetInfo) => void): () => void {
    this.#resetListeners.add(listener);
    return () => this.#resetListeners.delete(listener);
  }

  /** Subscribes to errors that no run could be blamed for (show them at page level). */
  onUncaught(listener: (msg: UncaughtMessage) => void): () => void {
    this.#uncaughtListeners.add(listener);
    return () => this.#uncaughtListeners.delete(listener);
  }

  /** Terminates the worker for good; pending runs are cancelled. */
  dispose(): void {
    this.#disposed = true;
    for (const q of this.#queue.splice(0)) this.#settle(q, { status: "cancelled", reason: "reset" });
    const rec = this.#active;
    this.#generation++;
    this.#worker?.terminate();
    this.#worker = null;
    if (rec) this.#settle(rec, { status: "terminated", reason: "reset" });
  }

  // -------------------------------------------------------------------------

  #ensureWorker(): Promise<void> {
    if (this.#worker && this.#ready) return this.#ready;
    const gen = ++this.#generation;
    this.#readyNow = false;
    this.#ready = new Promise<void>((res, rej) => {
      this.#readyResolve = res;
      this.#readyReject = rej;
    });
    this.#ready.catch(() => {}); // observed by #pump; avoid an unhandled rejection when nobody waits
    let worker: WorkerLike;
    try {
      worker = this.#opts.createWorker();
    } catch (e) {
      this.#readyReject?.(new Error(t(startFailed, this.#opts.lang, { detail: e instanceof Error ? e.message : String(e) })));
      const failed = this.#ready;
      this.#ready = null;
      return failed;
    }
    this.#worker = worker;
    worker.onMessage((m) => {
      if (gen === this.#generation) this.#onMessage(m);
    });
    worker.onCrash((cause) => {
      if (gen === this.#generation) this.#onCrash(cause);
    });
    return this.#ready;
  }

  async #pump(): Promise<void> {
    if (this.#active || this.#queue.length === 0) return;
    const rec = this.#queue.shift() as RunRecord;
    this.#active = rec;
    rec.state = "starting";
    try {
      await this.#ensureWorker();
    } catch (e) {
      this.#settle(rec, { status: "error", error: { name: "WorkerError", message: e instanceof Error ? e.message : String(e), phase: "runtime" } });
      this.#ready = null;
      this.#worker = null;
      return;
    }
    if (rec.state !== "starting") return; // cancelled while the worker was starting
    const prev = this.#latest.get(rec.req.cellId);
    if (prev && prev !== rec) this.#bury(prev);
    this.#latest.set(rec.req.cellId, rec);
    this.#live.set(rec.runId, rec);
    rec.state = "running";
    rec.started = now();
    this.#emit(rec, { type: "status", runId: rec.runId, status: "running" });
    const limit = rec.req.timeLimitMs ?? this.#opts.timeLimitMs;
    if (Number.isFinite(limit) && limit > 0) rec.timer = setTimeout(() => void this.#escalate(rec, "time-limit"), limit);
    rec.ackTimer = setTimeout(() => {
      if (this.#active === rec && rec.state === "running") this.#onCrash({ code: "kernel-silent" });
    }, this.#opts.ackMs);
    if (rec.req.grade) {
      const { exerciseId, seed, lang } = rec.req.grade;
      this.#post({ type: "grade", runId: rec.runId, cellId: rec.req.cellId, exerciseId, seed, lang });
      return;
    }
    this.#post({
      type: "run",
      runId: rec.runId,
      cellId: rec.req.cellId,
      code: rec.req.code,
      silent: rec.req.silent,
      maxLogLines: rec.req.maxLogLines ?? this.#opts.maxLogLines,
      ...(rec.req.controls ? { controls: rec.req.controls } : {}),
    });
  }

  #post(m: HostToWorker): void {
    try {
      this.#worker?.postMessage(m);
    } catch (e) {
      this.#onCrash({ code: "post-failed", detail: e instanceof Error ? e.message : String(e) });
    }
  }

  #onMessage(raw: unknown): void {
    const checked = checkMessage(raw);
    if (!checked) {
      this.rejected++;
      return;
    }
    const m = capTexts(checked);
    if (m.type === "ready") {
      this.#nnExports = m.nnExports;
      this.#readyNow = true;
      this.#readyResolve?.();
      return;
    }
    if (m.type === "uncaught" && m.runId === null) {
      for (const l of this.#uncaughtListeners) l(m);
      return;
    }
    const rec = m.runId === null ? undefined : this.#live.get(m.runId);
    if (!rec || rec.dead || (rec !== this.#active && !acceptsLate(m.type))) {
      this.staleDropped++;
      return;
    }
    switch (m.type) {
      case "ack":
        clearTimeout(rec.ackTimer);
        rec.ackTimer = undefined;
        return;
      case "log": {
        // Never more lines than this run's cap, whatever the message claims.
        const cap = Math.max(2, rec.req.maxLogLines ?? this.#opts.maxLogLines);
        if (m.keepHead < 1 || m.keepTail < 1 || m.keepHead + m.keepTail > cap || m.total < 0) {
          this.rejected++;
          return;
        }
        if (m.lines.length > m.keepHead + m.keepTail) m.lines = m.lines.slice(-(m.keepHead + m.keepTail));
        break;
      }
      case "done":
        if (rec.state !== "running") return;
        this.#settle(rec, {
          status: m.status,
          reason: m.status === "stopped" ? (rec.stopReason ?? "user") : undefined,
          ms: m.ms,
        });
        return;
      case "asset-request":
        this.#answerAsset(m.requestId, m.name);
        return;
      case "result":
        rec.result = m.value;
        break;
      case "grade-report":
        rec.report = m.report;
        return;
      case "error":
        rec.error = m.error;
        break;
    }
    this.#emit(rec, m);
  }

  #answerAsset(requestId: number, name: AssetName): void {
    const gen = this.#generation;
    const fetchAsset = this.#opts.fetchAsset;
    const answer = fetchAsset ? fetchAsset(name) : Promise.reject(new Error("this page cannot load files for cells"));
    answer.then(
      (bytes) => gen === this.#generation && this.#post({ type: "asset", requestId, bytes }),
      (e: unknown) => gen === this.#generation && this.#post({ type: "asset", requestId, bytes: null, error: `${name}: ${e instanceof Error ? e.message : String(e)}` }),
    );
  }

  #emit(rec: RunRecord, e: RunEvent): void {
    try {
      rec.onEvent(e);
    } catch (err) {
      // A rendering bug must not wedge the runtime; surface it in the console only.
      console.error("runtime: onEvent listener threw", err);
    }
  }

  #escalate(rec: RunRecord, reason: "user" | "time-limit"): Promise<"interrupted" | "terminated" | "idle"> {
    if (rec.state === "finished") return Promise.resolve("idle");
    if (rec.stopping) return rec.stopping;
    rec.stopReason = reason;
    if (reason === "time-limit") for (const q of this.#queue.splice(0)) this.#settle(q, { status: "cancelled", reason: "time-limit" });
    if (rec.state === "starting") {
      // Not started yet (the worker is still loading): nothing to interrupt, just never start it.
      this.#settle(rec, { status: "cancelled", reason });
      return Promise.resolve("interrupted");
    }
    this.#emit(rec, { type: "status", runId: rec.runId, status: "interrupting" });
    this.#post({ type: "interrupt", runId: rec.runId });
    rec.stopping = new Promise((resolve) => {
      const t = setTimeout(() => {
        if (rec.state === "finished") return resolve("interrupted");
        this.#emit(rec, { type: "status", runId: rec.runId, status: "terminating" });
        this.#kill(reason === "time-limit" ? "time-limit" : "stop");
        this.#settle(rec, { status: "terminated", reason });
        resolve("terminated");
        void this.#ensureWorker().catch(() => {}); // the next run should not wait for a cold start
      }, this.#opts.graceMs);
      void rec.settled.then(() => {
        clearTimeout(t);
        resolve("interrupted");
      });
    });
    return rec.stopping;
  }

  /** Terminates the worker, marks every run dead and tells listeners the scope is gone. */
  #kill(reason: ResetInfo["reason"], detail?: string): void {
    this.#generation++;
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    for (const r of this.#live.values()) r.dead = true;
    this.#live.clear();
    this.#latest.clear();
    const info: ResetInfo = { reason, ranCells: [...this.#ranCells], ...(detail ? { detail } : {}) };
    this.#ranCells = [];
    for (const l of this.#resetListeners) l(info);
  }

  #onCrash(cause: CrashCause): void {
    const reason = crashText(cause, this.#opts.lang);
    const rec = this.#active;
    const starting = rec?.state === "starting";
    const wasReady = this.#readyNow;
    this.#readyReject?.(new Error(reason));
    this.#kill("crash", reason);
    if (rec && !starting) {
      this.#settle(rec, {
        status: "terminated",
        reason: "crash",
        error: { name: "WorkerError", message: t(crashedScopeReset, this.#opts.lang, { reason }), phase: "runtime" },
      });
    }
    // A kernel that died after starting is replaced at once, so the next Run does not wait for a cold start.
    // (One that failed to start is not: that would loop.)
    if (wasReady && !this.#disposed && !this.#worker) void this.#ensureWorker().catch(() => {});
  }

  /** Stops delivering a run's messages (they are stale from now on). */
  #bury(rec: RunRecord): void {
    rec.dead = true;
    this.#live.delete(rec.runId);
    if (this.#latest.get(rec.req.cellId) === rec) this.#latest.delete(rec.req.cellId);
  }

  #settle(rec: RunRecord, o: Partial<RunOutcome> & { status: RunStatus }): void {
    if (rec.state === "finished") return; // already settled by another path (done raced with termination)
    const wasActive = this.#active === rec;
    const ran = rec.state === "running";
    if (rec.timer) clearTimeout(rec.timer);
    if (rec.ackTimer) clearTimeout(rec.ackTimer);
    rec.timer = rec.ackTimer = undefined;
    rec.state = "finished";
    if (o.status === "stopped" || o.status === "terminated" || o.status === "cancelled") this.#bury(rec);
    if (ran && (o.status === "ok" || o.status === "error" || o.status === "stopped")) {
      const id = rec.req.cellId;
      const i = this.#ranCells.indexOf(id);
      if (i >= 0) this.#ranCells.splice(i, 1);
      this.#ranCells.push(id);
    }
    rec.resolve({
      runId: rec.runId,
      cellId: rec.req.cellId,
      status: o.status,
      reason: o.reason,
      ms: o.ms ?? (rec.started ? Math.round(now() - rec.started) : 0),
      error: o.error ?? rec.error,
      result: rec.result,
      ...(rec.report ? { report: rec.report } : {}),
    });
    if (wasActive) {
      this.#active = null;
      void this.#pump();
    }
  }
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * Exercise progress kept on this device: for each exercise, not tried / tried
 * / passed. Pure logic over a Storage-like object (unit-tested); the page,
 * the exercise component and the course index all read and write through it.
 * Corrupt or foreign data reads as "no progress" and never breaks a page;
 * a full quota is reported, not thrown.
 */
import type { StorageLike } from "../runtime/storage.ts";
import { t } from "../i18n/message.ts";
import { notAProgressFile, storageReason } from "../i18n/messages/progress.ts";

/** One exercise's state. */
export interface ExerciseProgress {
  state: "tried" | "passed";
  attempts: number;
  /** Seed of the last check (so a reader can report or repeat it). */
  lastSeed: number;
  /** Milliseconds since the epoch of the first pass (kept once passed). */
  passedAt?: number;
  updatedAt: number;
}

/** The whole record, versioned. Keys are `"<chapter-folder>/<exercise-id>"`. */
export interface ProgressFile {
  v: 1;
  kind: "how-networks-learn-progress";
  exercises: Record<string, ExerciseProgress>;
}

const KEY = "hnl:progress:v1";
const empty = (): ProgressFile => ({ v: 1, kind: "how-networks-learn-progress", exercises: {} });

function validEntry(e: unknown): e is ExerciseProgress {
  if (!e || typeof e !== "object") return false;
  const r = e as Record<string, unknown>;
  return (
    (r.state === "tried" || r.state === "passed") &&
    Number.isInteger(r.attempts) && (r.attempts as number) >= 0 &&
    Number.isFinite(r.lastSeed) && Number.isFinite(r.updatedAt) &&
    (r.passedAt === undefined || Number.isFinite(r.passedAt))
  );
}

/**
 * Parses a progress file (from storage or an imported file). Returns null for
 * anything that is not one; drops individual entries that are malformed.
 */
export function parseProgress(text: string | null): ProgressFile | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  if (d.v !== 1 || d.kind !== "how-networks-learn-progress" || !d.exercises || typeof d.exercises !== "object") return null;
  const out = empty();
  for (const [key, entry] of Object.entries(d.exercises as Record<string, unknown>)) {
    if (/^[\w-]+\/[\w-]+$/.test(key) && validEntry(entry)) out.exercises[key] = { ...entry };
  }
  return out;
}

/** Reads progress (empty when none or unreadable). */
export function loadProgress(store: StorageLike | null): ProgressFile {
  if (!store) return empty();
  try {
    return parseProgress(store.getItem(KEY)) ?? empty();
  } catch {
    return empty();
  }
}

/** A failed save: `code` for the page to word in its language, `reason` the same in English. */
export type SaveFailure = { ok: false; code: "unavailable" | "full" | "refused"; reason: string };

function failure(code: SaveFailure["code"]): SaveFailure {
  return { ok: false, code, reason: t(storageReason, "en", { reason: code }) };
}

function write(store: StorageLike | null, file: ProgressFile): { ok: true } | SaveFailure {
  if (!store) return failure("unavailable");
  try {
    store.setItem(KEY, JSON.stringify(file));
    return { ok: true };
  } catch (err) {
    return failure((err as Error)?.name === "QuotaExceededError" ? "full" : "refused");
  }
}

/** Thrown by `importProgress` for a file that is not a progress file. */
export class NotAProgressFile extends Error {
  constructor() {
    super(t(notAProgressFile, "en"));
  }
}

/** Records one check of an exercise. A pass is never undone by a later failed attempt. */
export function recordAttempt(store: StorageLike | null, key: string, passed: boolean, seed: number, now = Date.now()) {
  const file = loadProgress(store);
  const prev = file.exercises[key];
  const wasPassed = prev?.state === "passed";
  file.exercises[key] = {
    state: passed || wasPassed ? "passed" : "tried",
    attempts: (prev?.attempts ?? 0) + 1,
    lastSeed: seed,
    passedAt: prev?.passedAt ?? (passed ? now : undefined),
    updatedAt: now,
  };
  return { entry: file.exercises[key], saved: write(store, file) };
}

/** The state of one exercise. */
export function exerciseState(file: ProgressFile, key: string): "not-tried" | "tried" | "passed" {
  return file.exercises[key]?.state ?? "not-tried";
}

/** The progress as a file to download. */
export function exportProgress(store: StorageLike | null): string {
  return JSON.stringify(loadProgress(store), null, 2);
}

/**
 * Merges an imported file into the stored progress (passes win; attempts add
 * up). Throws a clear error for a file that is not a progress file.
 */
export function importProgress(store: StorageLike | null, text: string) {
  const incoming = parseProgress(text);
  if (!incoming) throw new NotAProgressFile();
  const file = loadProgress(store);
  for (const [key, e] of Object.entries(incoming.exercises)) {
    const mine = file.exercises[key];
    if (!mine) {
      file.exercises[key] = e;
      continue;
    }
    const passed = mine.state === "passed" || e.state === "passed";
    file.exercises[key] = {
      state: passed ? "passed" : "tried",
      attempts: mine.attempts + e.attempts,
      lastSeed: mine.updatedAt >= e.updatedAt ? mine.lastSeed : e.lastSeed,
      passedAt: [mine.passedAt, e.passedAt].filter((t): t is number => t !== undefined).sort((a, b) => a - b)[0],
      updatedAt: Math.max(mine.updatedAt, e.updatedAt),
    };
  }
  return { imported: Object.keys(incoming.exercises).length, saved: write(store, file) };
}

/** Forgets all progress. */
export function resetProgress(store: StorageLike | null): void {
  try {
    store?.removeItem(KEY);
  } catch {
    /* nothing to forget */
  }
}

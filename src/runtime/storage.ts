/**
 * The reader's edits to cells, saved per chapter and cell in localStorage.
 *
 * Pure logic over a `Storage`-like object so it is unit-testable. A record
 * remembers a hash of the original code it was based on: when the course
 * changes that cell, the edit is reported `stale` so the page can say "this
 * cell changed since you edited it". Anything unexpected in storage (corrupt
 * JSON, another app's data, a future version) is ignored, and a full quota is
 * reported, never thrown: losing a saved edit must not break the page.
 */

import { parseControlValues, type ControlValues } from "./controls.ts";

/** The subset of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What is stored (version 1). */
export interface EditRecord {
  v: 1;
  code: string;
  /** {@link hashCode} of the original cell code the edit started from. */
  baseHash: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

/** A loaded edit. */
export interface LoadedEdit {
  code: string;
  /** True when the course's original code changed since the edit was saved. */
  stale: boolean;
  savedAt: number;
}

/** Outcome of {@link saveEdit}. */
export type SaveResult = { ok: true } | { ok: false; reason: "quota" | "unavailable" | "too-large" };

const PREFIX = "hnl:edit:v1";
/** Edits above this size are refused rather than risking the whole origin's quota. */
const MAX_CODE_CHARS = 200_000;

/** The storage key of a cell's edit. */
export function editKey(chapter: string, cellId: string): string {
  return `${PREFIX}:${encodeURIComponent(chapter)}:${encodeURIComponent(cellId)}`;
}

/** FNV-1a (32-bit) of a string's UTF-16 code units, as 8 hex digits. */
export function hashCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Loads a cell's saved edit, or null when there is none or it is unreadable. */
export function loadEdit(store: StorageLike, chapter: string, cellId: string, originalCode: string): LoadedEdit | null {
  let raw: string | null;
  try {
    raw = store.getItem(editKey(chapter, cellId));
  } catch {
    return null;
  }
  if (raw == null) return null;
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(rec)) return null;
  return { code: rec.code, stale: rec.baseHash !== hashCode(originalCode), savedAt: rec.savedAt };
}

/** Saves a cell's edit. Never throws; a full quota comes back as `{ ok: false, reason: "quota" }`. */
export function saveEdit(store: StorageLike, chapter: string, cellId: string, code: string, originalCode: string, now: number = Date.now()): SaveResult {
  if (code.length > MAX_CODE_CHARS) return { ok: false, reason: "too-large" };
  const rec: EditRecord = { v: 1, code, baseHash: hashCode(originalCode), savedAt: now };
  try {
    store.setItem(editKey(chapter, cellId), JSON.stringify(rec));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? "quota" : "unavailable" };
  }
}

/** Removes a cell's saved edit (never throws). */
export function clearEdit(store: StorageLike, chapter: string, cellId: string): void {
  try {
    store.removeItem(editKey(chapter, cellId));
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}

/** A well-formed stored edit (also checks imported ones, src/components/work-file.ts). */
export function isRecord(v: unknown): v is EditRecord {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  return r.v === 1 && typeof r.code === "string" && typeof r.baseHash === "string" && typeof r.savedAt === "number" && Number.isFinite(r.savedAt);
}

function isQuotaError(e: unknown): boolean {
  const err = e as { name?: unknown; code?: unknown } | null;
  return !!err && (err.name === "QuotaExceededError" || err.name === "NS_ERROR_DOM_QUOTA_REACHED" || err.code === 22 || err.code === 1014);
}

// ---- control values (sliders, selects, …), per chapter and cell ---------------

const CONTROLS_PREFIX = "hnl:controls:v1";

/** The storage key of a cell's control values. */
export function controlsKey(chapter: string, cellId: string): string {
  return `${CONTROLS_PREFIX}:${encodeURIComponent(chapter)}:${encodeURIComponent(cellId)}`;
}

/** A cell's saved control values by label ({} when none or unreadable; the kernel re-checks each against its control). */
export function loadControls(store: StorageLike, chapter: string, cellId: string): ControlValues {
  try {
    const raw = store.getItem(controlsKey(chapter, cellId));
    return raw == null ? {} : parseControlValues(JSON.parse(raw));
  } catch {
    return {};
  }
}

/** Saves a cell's control values (removes the record when empty). Never throws. */
export function saveControls(store: StorageLike, chapter: string, cellId: string, values: ControlValues): SaveResult {
  try {
    if (Object.keys(values).length === 0) store.removeItem(controlsKey(chapter, cellId));
    else store.setItem(controlsKey(chapter, cellId), JSON.stringify(values));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? "quota" : "unavailable" };
  }
}

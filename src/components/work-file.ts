/**
 * The reader's work as one file: exercise progress (progress.ts) plus every
 * saved cell edit and control setting, so moving to another device keeps the
 * code too, not only which exercises passed. The file is a progress file
 * (same `kind` and `v`) with two more fields, so older files still import.
 * Importing never loses work on this device: for a cell edited on both, the
 * edit saved last wins; control settings fill in only where there are none.
 */
import { exportProgress, importProgress, type SaveFailure } from "./progress.ts";
import { isRecord, type EditRecord, type StorageLike } from "../runtime/storage.ts";

/** A Storage whose keys can be listed (window.localStorage is one). */
export interface ListableStorage extends StorageLike {
  readonly length: number;
  key(index: number): string | null;
}

const EDIT_KEY = /^hnl:edit:v1:[^:]+:[^:]+$/;
const CONTROLS_KEY = /^hnl:controls:v1:[^:]+:[^:]+$/;
const MAX_CODE_CHARS = 200_000;

function keys(store: ListableStorage): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k !== null) out.push(k);
  }
  return out;
}

function readJson(store: StorageLike, key: string): unknown {
  try {
    return JSON.parse(store.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/** The progress file with the saved edits and control settings added. */
export function exportWork(store: ListableStorage | null): string {
  const file = JSON.parse(exportProgress(store)) as Record<string, unknown>;
  const edits: Record<string, EditRecord> = {};
  const controls: Record<string, unknown> = {};
  if (store) {
    for (const k of keys(store)) {
      const v = readJson(store, k);
      if (EDIT_KEY.test(k) && isRecord(v)) edits[k] = v;
      else if (CONTROLS_KEY.test(k) && v && typeof v === "object") controls[k] = v;
    }
  }
  return JSON.stringify({ ...file, edits, controls }, null, 2);
}

export interface ImportedWork {
  exercises: number;
  /** Edits written from the file. */
  edits: number;
  /** Edits in the file that lost to a later edit of the same cell on this device. */
  keptMine: number;
  saved: { ok: true } | SaveFailure;
}

/** Imports a work (or plain progress) file; throws a clear error for a file that is neither. */
export function importWork(store: StorageLike | null, text: string): ImportedWork {
  const { imported, saved } = importProgress(store, text); // validates the file and merges the exercises
  const data = JSON.parse(text) as { edits?: unknown; controls?: unknown };
  let edits = 0, keptMine = 0;
  let result = saved;
  const put = (k: string, v: unknown) => {
    try {
      store!.setItem(k, JSON.stringify(v));
      return true;
    } catch (err) {
      result = (err as Error)?.name === "QuotaExceededError" ? { ok: false, code: "full", reason: "storage is full" } : { ok: false, code: "refused", reason: "storage refused the write" };
      return false;
    }
  };
  if (store && data.edits && typeof data.edits === "object") {
    for (const [k, v] of Object.entries(data.edits)) {
      if (!EDIT_KEY.test(k) || !isRecord(v) || v.code.length > MAX_CODE_CHARS) continue;
      const mine = readJson(store, k);
      if (isRecord(mine) && mine.savedAt > v.savedAt) {
        if (mine.code !== v.code) keptMine++;
        continue;
      }
      if (put(k, { v: 1, code: v.code, baseHash: v.baseHash, savedAt: v.savedAt } satisfies EditRecord)) edits++;
    }
  }
  if (store && data.controls && typeof data.controls === "object") {
    for (const [k, v] of Object.entries(data.controls)) {
      if (!CONTROLS_KEY.test(k) || !v || typeof v !== "object" || Array.isArray(v)) continue;
      if (store.getItem(k) === null) put(k, v); // the kernel re-checks each value against its control
    }
  }
  return { exercises: imported, edits, keptMine, saved: result };
}

/**
 * Predictions a reader committed at "Predict, then run" checkpoints, kept on
 * this device like exercise progress. Pure logic over a Storage-like object;
 * anything unreadable reads as "no prediction" and never breaks a page.
 */
import type { StorageLike } from "../runtime/storage.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import * as predictMsg from "../i18n/messages/predict.ts";

/** One checkpoint: the guess (null when the reader skipped) and when. */
export interface Prediction {
  guess: string | number | null;
  at: number;
}

const KEY = "hnl:predictions:v1";

function readAll(store: StorageLike | null): Record<string, Prediction> {
  if (!store) return {};
  try {
    const data = JSON.parse(store.getItem(KEY) ?? "{}") as unknown;
    if (!data || typeof data !== "object" || Array.isArray(data)) return {};
    const out: Record<string, Prediction> = {};
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      const p = v as Record<string, unknown> | null;
      if (!p || typeof p !== "object" || !Number.isFinite(p.at)) continue;
      const g = p.guess;
      if (g === null || (typeof g === "string" && g.length <= 200) || (typeof g === "number" && Number.isFinite(g))) out[k] = { guess: g, at: p.at as number };
    }
    return out;
  } catch {
    return {};
  }
}

/** The reader's prediction at a checkpoint (`"<chapter>/<id>"`), or null. */
export function loadPrediction(store: StorageLike | null, key: string): Prediction | null {
  return readAll(store)[key] ?? null;
}

/** Saves a prediction; false when storage refused (the page still reveals). */
export function savePrediction(store: StorageLike | null, key: string, p: Prediction): boolean {
  if (!store) return false;
  const all = readAll(store);
  all[key] = p;
  try {
    store.setItem(KEY, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}

/** Forgets a checkpoint's prediction (to predict again). */
export function clearPrediction(store: StorageLike | null, key: string): void {
  if (!store) return;
  const all = readAll(store);
  delete all[key];
  try {
    store.setItem(KEY, JSON.stringify(all));
  } catch {
    /* nothing to forget */
  }
}

/**
 * How a number guess compares with the computed value. Linear: the relative
 * error, close when within `tolerance`. Log: the distance in powers of ten
 * (a guess of the wrong sign or zero is never close).
 */
export function judgeNumber(
  guess: number,
  actual: number,
  tolerance: number,
  scale: "linear" | "log" = "linear",
  lang: Lang = DEFAULT_LANG,
): { close: boolean; off: string } {
  if (scale === "log") {
    const decades = guess !== 0 && actual !== 0 && Math.sign(guess) === Math.sign(actual) ? Math.abs(Math.log10(Math.abs(guess) / Math.abs(actual))) : Infinity;
    const off = !Number.isFinite(decades)
      ? t(predictMsg.offSign, lang)
      : decades < 0.05
        ? t(predictMsg.offLessThanTenth, lang)
        : t(predictMsg.offDecades, lang, { decades: decades.toFixed(1) });
    return { close: decades <= tolerance, off };
  }
  const relative = Math.abs(guess - actual) / Math.max(Math.abs(actual), 1e-12);
  return { close: relative <= tolerance, off: t(predictMsg.offPercent, lang, { percent: Math.round(relative * 100) }) };
}

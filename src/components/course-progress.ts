/**
 * The course index's view of progress: passed exercises per chapter, and
 * export / import / reset of the progress file.
 */
import { exerciseState, loadProgress, NotAProgressFile, resetProgress } from "./progress.ts";
import { pageStorage } from "./local-storage.ts";
import { exportWork, importWork } from "./work-file.ts";
import { pageLang } from "./page-lang.ts";
import { t } from "../i18n/message.ts";
import * as progressMsg from "../i18n/messages/progress.ts";
import { importedWork } from "../i18n/messages/site.ts";


function render(store: Storage | null): void {
  const file = loadProgress(store);
  for (const li of document.querySelectorAll<HTMLElement>("li[data-exercises]")) {
    let keys: string[] = [];
    try {
      keys = JSON.parse(li.dataset.exercises ?? "[]");
    } catch {
      /* built by us; never malformed in practice */
    }
    if (!keys.length) continue;
    const passed = keys.filter((k) => exerciseState(file, k) === "passed").length;
    const tried = keys.filter((k) => exerciseState(file, k) === "tried").length;
    const bar = li.querySelector("progress");
    const text = li.querySelector(".chapter-progress-text");
    if (bar) bar.value = passed;
    if (text) text.textContent = t(progressMsg.chapterProgress, pageLang(), { passed, total: keys.length, tried });
  }
}

/** Wires the index page. */
export function startCourseProgress(): void {
  const store = pageStorage();
  const lang = pageLang();
  const message = document.querySelector<HTMLElement>(".progress-message");
  const say = (text: string) => {
    if (message) message.textContent = text;
  };
  render(store);
  addEventListener("storage", () => render(store)); // another tab passed an exercise
  addEventListener("pageshow", () => render(store)); // back/forward cache

  document.querySelector('[data-progress="export"]')?.addEventListener("click", () => {
    // Progress and the cell edits and control settings (work-file.ts).
    const blob = new Blob([exportWork(store)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `how-networks-learn-progress-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say(t(progressMsg.exported, lang));
  });
  document.querySelector<HTMLInputElement>('[data-progress="import"]')?.addEventListener("change", async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    try {
      const { exercises, edits, keptMine, saved } = importWork(store, await file.text());
      say(
        saved.ok
          ? t(importedWork, lang, { exercises, edits, keptMine })
          : t(progressMsg.importNotSaved, lang, { reason: t(progressMsg.storageReason, lang, { reason: saved.code }) }),
      );
    } catch (err) {
      say(err instanceof NotAProgressFile ? t(progressMsg.notAProgressFile, lang) : (err as Error).message);
    }
    render(store);
  });
  document.querySelector('[data-progress="reset"]')?.addEventListener("click", () => {
    if (!confirm(t(progressMsg.confirmReset, lang))) return;
    resetProgress(store);
    render(store);
    say(t(progressMsg.resetDone, lang));
  });
}

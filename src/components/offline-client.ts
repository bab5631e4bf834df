/**
 * Registers the service worker that src/integrations/offline.ts builds
 * (production builds only: the dev server has no sw.js) and shows its state
 * in OfflineStatus.astro: "available offline" once the course is cached, and
 * "update available — reload" when a new build is waiting. The reload is the
 * reader's choice, never automatic; the notebook saves pending edits on
 * `pagehide`, so reloading keeps them.
 */
import { Workbox } from "workbox-window";
import { t } from "../i18n/message.ts";
import * as m from "../i18n/messages/site.ts";
import { pageLang } from "./page-lang.ts";

export function setupOffline(root: HTMLElement): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return;
  const lang = pageLang();
  const base = root.dataset.base ?? "/";
  const ready = root.querySelector<HTMLElement>(".offline-ready")!;
  const update = root.querySelector<HTMLElement>(".offline-update")!;
  const wb = new Workbox(`${base}sw.js`, { scope: base });

  const showReady = () => {
    ready.textContent = t(m.offlineReady, lang);
    ready.title = t(m.offlineReadyTitle, lang);
    ready.hidden = false;
    root.dataset.offline = "ready";
  };
  // Installed now (first visit) or already active (later visits): the precache is complete either way.
  wb.addEventListener("activated", showReady);
  wb.addEventListener("waiting", () => {
    update.querySelector(".offline-update-text")!.textContent = t(m.updateAvailable, lang);
    const reload = update.querySelector<HTMLButtonElement>(".offline-reload")!;
    reload.textContent = t(m.updateReload, lang);
    const later = update.querySelector<HTMLButtonElement>(".offline-later")!;
    later.textContent = t(m.updateLater, lang);
    reload.onclick = () => {
      reload.disabled = true;
      wb.addEventListener("controlling", () => location.reload());
      wb.messageSkipWaiting();
    };
    later.onclick = () => (update.hidden = true);
    update.hidden = false;
  });
  void wb.register().then((reg) => {
    if (reg?.active && !reg.installing) showReady();
  });
}

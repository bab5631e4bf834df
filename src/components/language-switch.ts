/**
 * The language switch: remembers the reader's edition, lands on the same
 * section of the twin page, and offers the Chinese edition on an English page
 * to a reader who chose it before or whose browser prefers Chinese. Static
 * hosting cannot redirect by language, and the course never redirects on its
 * own: the offer is one line with a dismiss button.
 *
 * Twin pages have the same anchors: a Chinese heading carries its English
 * twin's id (`## 反向传播 {#passing-the-blame-backwards}`, checked by
 * test/build/twin-anchors.test.ts) and cells have `#cell-<id>` in both. So the
 * switch carries the anchor of the section the reader is in.
 */
import { pageStorage } from "./local-storage.ts";
import { isLang, type Lang } from "../i18n/lang.ts";
import { pageLang } from "./page-lang.ts";

const KEY = "hnl-lang";

function headings(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("main h2[id], main h3[id]")];
}

/** The id of the last heading above the top of the window, or null at the top of the page. */
function currentSection(): string | null {
  let id: string | null = null;
  for (const h of headings()) if (h.getBoundingClientRect().top <= 80) id = h.id;
  return id;
}

/**
 * The section the reader was last reading. The switch sits in the header at
 * the top of the page, so by the time it is clicked the reader has scrolled up
 * to it: remember where they rested (a pause in scrolling with the header out of
 * sight), not where the click happens.
 */
let readingSection: string | null = null;
function trackReading(): void {
  const header = document.querySelector(".site-header");
  let timer = 0;
  addEventListener("scroll", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (header && header.getBoundingClientRect().bottom > 0) return; // at the top, on the way to the switch
      readingSection = currentSection();
    }, 600);
  }, { passive: true });
}

function remember(lang: Lang): void {
  try {
    pageStorage()?.setItem(KEY, lang);
  } catch {
    // A full or refused store only costs the memory of the choice.
  }
}

function remembered(): Lang | null {
  const v = pageStorage()?.getItem(KEY);
  return isLang(v) ? v : null;
}

export function startLanguageSwitch(): void {
  trackReading();
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-lang-switch]")) {
    link.addEventListener("click", () => {
      const lang = link.dataset.langSwitch;
      if (isLang(lang)) remember(lang);
      // Only a twin page has the same sections; a link to the other edition's index stays as it is.
      const id = readingSection ?? currentSection();
      if (id === null || link.dataset.twin === undefined) return;
      const url = new URL(link.href);
      url.hash = id;
      link.href = url.href;
    });
  }
  const offer = document.querySelector<HTMLElement>(".lang-offer");
  if (!offer || pageLang() !== "en") return;
  const choice = remembered();
  const prefersZh = (navigator.languages ?? [navigator.language]).some((l) => /^zh\b/i.test(l));
  if (choice === "en" || (choice === null && !prefersZh)) return;
  offer.hidden = false;
  offer.querySelector("[data-lang-dismiss]")?.addEventListener("click", () => {
    remember("en");
    offer.hidden = true;
  });
}

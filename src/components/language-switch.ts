/**
 * The language switch: remembers the reader's edition, lands on the same
 * section of the twin page, and offers the Chinese edition on an English page
 * to a reader who chose it before or whose browser prefers Chinese. Static
 * hosting cannot redirect by language, and the course never redirects on its
 * own: the offer is one line with a dismiss button.
 *
 * Twin pages have the same headings in the same order (test/content/twins.test.ts),
 * but their anchors differ (slugs of Chinese headings). So the switch carries the
 * section's position, `#section-<k>`, and the twin page turns it into its own anchor.
 */
import { pageStorage } from "./local-storage.ts";
import { isLang, type Lang } from "../i18n/lang.ts";
import { pageLang } from "./page-lang.ts";

const KEY = "hnl-lang";
const SECTION = /^#section-(\d+)$/;

function headings(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("main h2[id], main h3[id]")];
}

/** The index of the last heading above the top of the window, or -1 at the top of the page. */
function currentSection(): number {
  let k = -1;
  headings().forEach((h, i) => {
    if (h.getBoundingClientRect().top <= 80) k = i;
  });
  return k;
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

/** `#section-k` from the other edition → this page's k-th heading. */
function landOnSection(): void {
  const m = SECTION.exec(location.hash);
  if (!m || document.getElementById(location.hash.slice(1))) return;
  const target = headings()[Number(m[1])];
  if (!target) return;
  history.replaceState(history.state, "", `#${target.id}`);
  target.scrollIntoView();
}

export function startLanguageSwitch(): void {
  landOnSection();
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-lang-switch]")) {
    link.addEventListener("click", () => {
      const lang = link.dataset.langSwitch;
      if (isLang(lang)) remember(lang);
      const k = currentSection();
      // Only a twin chapter page has the same sections; a link to the other edition's index stays as it is.
      if (k < 0 || link.dataset.twin === undefined) return;
      const url = new URL(link.href);
      url.hash = `section-${k}`;
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

/**
 * Finding one's way in a chapter: each section heading gets an anchor link
 * (shown on hover and keyboard focus; copy it to link to that section), and
 * the table of contents marks the section being read (`aria-current`).
 */
import { t } from "../i18n/message.ts";
import { headingLink } from "../i18n/messages/site.ts";
import { pageLang } from "./page-lang.ts";

export function addHeadingAnchors(main: HTMLElement): void {
  const lang = pageLang();
  for (const h of main.querySelectorAll<HTMLHeadingElement>(":is(h2, h3, h4)[id]")) {
    if (h.querySelector(".heading-anchor")) continue;
    const a = document.createElement("a");
    a.className = "heading-anchor";
    a.href = `#${encodeURIComponent(h.id)}`;
    a.setAttribute("aria-label", t(headingLink, lang, { heading: h.textContent?.trim() ?? h.id }));
    a.textContent = "#";
    h.append(a);
  }
}

/** Marks the TOC link of the last heading that has scrolled past the top third of the window. */
export function highlightToc(main: HTMLElement, toc: HTMLElement): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = [...main.querySelectorAll<HTMLElement>(":is(h2, h3)[id]")].filter((h) => links.has(h.id));
  if (!headings.length) return;
  let current: HTMLAnchorElement | null = null;
  const update = () => {
    const line = innerHeight / 3;
    let active = headings[0];
    for (const h of headings) {
      if (h.getBoundingClientRect().top <= line) active = h;
      else break;
    }
    const link = links.get(active.id) ?? null;
    if (link === current) return;
    current?.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "location");
    current = link;
  };
  let queued = false;
  addEventListener("scroll", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; update(); });
  }, { passive: true });
  update();
}

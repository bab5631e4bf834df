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

/**
 * Marks the TOC link of the last heading that has scrolled past the top third
 * of the window. An IntersectionObserver reports each heading crossing that
 * line, so the page never reads a heading's position itself: at load such a
 * read would lay out the whole chapter in one task.
 */
export function highlightToc(main: HTMLElement, toc: HTMLElement): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = [...main.querySelectorAll<HTMLElement>(":is(h2, h3)[id]")].filter((h) => links.has(h.id));
  if (!headings.length || typeof IntersectionObserver !== "function") return;
  const above = new Set<HTMLElement>();
  let current: HTMLAnchorElement | null = null;
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) above.add(e.target as HTMLElement);
      else above.delete(e.target as HTMLElement);
    }
    const active = headings.findLast((h) => above.has(h)) ?? headings[0];
    const link = links.get(active.id) ?? null;
    if (link === current) return;
    current?.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "location");
    current = link;
    // The root reaches from far above the page down to the line, so a jump of any length still crosses its edge.
  }, { rootMargin: "1000000px 0px -66.67% 0px" });
  for (const h of headings) observer.observe(h);
}

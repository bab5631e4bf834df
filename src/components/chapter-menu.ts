/**
 * The header's chapter menu (ChapterMenu.astro) is a <details>, which opens
 * and closes by itself. This adds the rest of a disclosure menu: Escape closes
 * it and returns focus to its button; a click, tap or focus outside closes it;
 * opening scrolls the current chapter into view inside the panel.
 */
export function setupChapterMenu(menu: HTMLDetailsElement): void {
  const summary = menu.querySelector<HTMLElement>(":scope > summary");
  const panel = menu.querySelector<HTMLElement>(".chapter-menu-panel");
  if (!summary || !panel) return;
  const close = (refocus: boolean) => {
    if (!menu.open) return;
    menu.open = false;
    if (refocus) summary.focus();
  };
  menu.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && menu.open) {
      e.preventDefault();
      close(true);
    }
  });
  document.addEventListener("click", (e) => {
    if (!menu.contains(e.target as Node)) close(false);
  });
  menu.addEventListener("focusout", (e) => {
    const next = e.relatedTarget as Node | null;
    if (next && !menu.contains(next)) close(false);
  });
  menu.addEventListener("toggle", () => {
    if (!menu.open) return;
    const current = panel.querySelector<HTMLElement>('[aria-current="page"]');
    // Scroll the panel only (scrollIntoView would move the page too).
    if (current) panel.scrollTop = Math.max(0, current.offsetTop - panel.clientHeight / 2 + current.offsetHeight / 2);
  });
}

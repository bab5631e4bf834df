/**
 * Wide formulas, tables, plots and outputs scroll sideways on narrow screens.
 * A region that scrolls must be reachable from the keyboard (WCAG 2.1.1), so
 * each one that actually overflows gets tabindex=0; ones that fit get none,
 * to keep the tab order short.
 */
const SELECTOR = ".math-display, .plot-frame, .chapter table, .cell-output, .exercise-result";

/** Updates `root` and its scrollable descendants. */
export function markScrollables(root: ParentNode = document): void {
  const nodes = root instanceof Element && root.matches(SELECTOR) ? [root, ...root.querySelectorAll(SELECTOR)] : [...root.querySelectorAll(SELECTOR)];
  for (const node of nodes as HTMLElement[]) {
    const scrolls = node.scrollWidth > node.clientWidth + 1;
    if (scrolls && !node.hasAttribute("tabindex")) node.tabIndex = 0;
    else if (!scrolls && node.getAttribute("tabindex") === "0") node.removeAttribute("tabindex");
  }
}

/**
 * Marks every region once when the page starts, then re-checks the regions
 * near the viewport when the width changes (the others as they come near).
 * The first pass must be whole: Tab moves through the page in document order,
 * not by what is on screen, so a table several screens down must already be
 * focusable when the reader tabs past it (axe checks the same).
 */
export function watchScrollables(): void {
  markScrollables();
  if (typeof IntersectionObserver !== "function") {
    addEventListener("resize", () => markScrollables());
    return;
  }
  const near = new Set<HTMLElement>();
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const node = e.target as HTMLElement;
      if (e.isIntersecting) {
        near.add(node);
        markScrollables(node);
      } else near.delete(node);
    }
  }, { rootMargin: "200% 0px" });
  for (const node of document.querySelectorAll<HTMLElement>(SELECTOR)) observer.observe(node);
  let frame = 0;
  let width = innerWidth;
  addEventListener("resize", () => {
    if (innerWidth === width) return;
    width = innerWidth;
    cancelAnimationFrame(frame);
    // Regions near the viewport now; the others are checked when they come near (the observer reports that).
    frame = requestAnimationFrame(() => {
      for (const node of near) markScrollables(node);
    });
  });
}

const pending = new Set<ParentNode>();
let idle = 0;
/**
 * {@link markScrollables} for `root` when the page is idle, coalesced: reading
 * widths forces a layout, which must not land in every frame of a slider drag.
 */
export function scheduleScrollables(root: ParentNode): void {
  pending.add(root);
  if (idle) return;
  const run = () => {
    idle = 0;
    for (const r of pending) if (!(r instanceof Node) || r.isConnected) markScrollables(r);
    pending.clear();
  };
  idle = typeof requestIdleCallback === "function" ? requestIdleCallback(run, { timeout: 150 }) : (setTimeout(run, 100) as unknown as number);
}

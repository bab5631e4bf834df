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
    // A region that is itself a skipped block (content-visibility, skipped-blocks.ts) reports its placeholder's
    // widths; reading a child's position lays out its content (that block alone), and then its widths are real.
    node.firstElementChild?.getBoundingClientRect();
    const scrolls = node.scrollWidth > node.clientWidth + 1;
    if (scrolls && !node.hasAttribute("tabindex")) node.tabIndex = 0;
    else if (!scrolls && node.getAttribute("tabindex") === "0") {
      // A reader who tabbed onto it keeps their place in the tab order: it stops being a tab stop once left.
      if (node === document.activeElement) node.addEventListener("blur", () => markScrollables(node), { once: true });
      else node.removeAttribute("tabindex");
    }
  }
}

/**
 * Measures each region as it comes near the viewport (an IntersectionObserver:
 * nothing lays out the far page, most of which skips rendering until it comes
 * near, skipped-blocks.ts), and again near the viewport when the width changes.
 * Until a region has been measured it is presumed to scroll and is a tab stop:
 * Tab moves through the page in document order, not by what is on screen, so
 * a wide table several screens down must be reachable before anyone has
 * looked at it (axe checks the same). A presumed region that turns out to fit
 * loses its tab stop when measured.
 */
export function watchScrollables(): void {
  const regions = [...document.querySelectorAll<HTMLElement>(SELECTOR)].filter((r) => r.firstElementChild);
  if (typeof IntersectionObserver !== "function") {
    markScrollables();
    addEventListener("resize", () => markScrollables());
    return;
  }
  const near = new Set<HTMLElement>();
  const presume = (): void => {
    for (const r of regions) if (!near.has(r) && !r.hasAttribute("tabindex")) r.tabIndex = 0;
  };
  presume();
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const node = e.target as HTMLElement;
      if (e.isIntersecting) {
        near.add(node);
        markScrollables(node);
      } else near.delete(node);
    }
  }, { rootMargin: "100% 0px" });
  for (const r of regions) observer.observe(r);
  let frame = 0;
  let width = innerWidth;
  addEventListener("resize", () => {
    if (innerWidth === width) return;
    width = innerWidth;
    presume(); // far regions were measured at the old width
    cancelAnimationFrame(frame);
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

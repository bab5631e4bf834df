/**
 * Wide formulas, tables, plots and outputs scroll sideways on narrow screens.
 * A region that scrolls must be reachable from the keyboard (WCAG 2.1.1), so
 * each one that actually overflows gets tabindex=0; ones that fit get none,
 * to keep the tab order short.
 */
import { MATH_CHAR_EM, MATH_SCALE } from "../markdown/math-metrics.ts";
const SELECTOR = ".math-display, .plot-frame, .chapter table, .cell-output, .exercise-result";

/** Updates `root` and its scrollable descendants. */
export function markScrollables(root: ParentNode = document): void {
  const nodes = root instanceof Element && root.matches(SELECTOR) ? [root, ...root.querySelectorAll(SELECTOR)] : [...root.querySelectorAll(SELECTOR)];
  markRegions(nodes as HTMLElement[]);
}

/**
 * Measures every region first, then sets tab stops: a tab stop set between two measurements would make the
 * next one lay the page out again.
 */
function markRegions(nodes: readonly HTMLElement[]): void {
  const measured = nodes.map((node) => {
    // A region that is itself a skipped block (content-visibility, Base.astro) reports its placeholder's
    // widths; reading a child's position lays out its content (that block alone), and then its widths are real.
    node.firstElementChild?.getBoundingClientRect();
    return { node, scrolls: node.scrollWidth > node.clientWidth + 1 };
  });
  for (const { node, scrolls } of measured) {
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
 * near, Base.astro), and again near the viewport when the width changes.
 * Until a region has been measured it is presumed to scroll and is a tab stop:
 * Tab moves through the page in document order, not by what is on screen, so
 * a wide table several screens down must be reachable before anyone has
 * looked at it (axe checks the same). A presumed region that turns out to fit
 * loses its tab stop when measured; one that clearly fits is not presumed.
 */
export function watchScrollables(): void {
  const regions = [...document.querySelectorAll<HTMLElement>(SELECTOR)].filter((r) => r.firstElementChild);
  if (typeof IntersectionObserver !== "function") {
    markScrollables();
    addEventListener("resize", () => markScrollables());
    return;
  }
  const near = new Set<HTMLElement>();
  /** The window's width the near regions were last measured at: read once the page is laid out (see chapterColumn). */
  let width: number | null = null;
  const presume = (): void => {
    const column = chapterColumn();
    for (const r of regions) if (!near.has(r) && !r.hasAttribute("tabindex") && mayScroll(r, column)) r.tabIndex = 0;
  };
  presume();
  const observer = new IntersectionObserver((entries) => {
    width ??= innerWidth;
    const arrived: HTMLElement[] = [];
    for (const e of entries) {
      const node = e.target as HTMLElement;
      if (e.isIntersecting) {
        near.add(node);
        arrived.push(node, ...node.querySelectorAll<HTMLElement>(SELECTOR));
      } else near.delete(node);
    }
    markRegions(arrived);
  }, { rootMargin: "100% 0px" });
  for (const r of regions) observer.observe(r);
  let frame = 0;
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

/**
 * The chapter column's width and font size in px, from the column's style alone: its width in ems at the
 * narrowest viewport of the current range (`--column`, Base.astro), which errs narrow, so towards presuming.
 * Not from the window: this runs as the page's scripts start, while the page's layout is out of date, and
 * reading `innerWidth` then lays the whole page out inside this script's task (12 ms on a laptop, a long task
 * on a phone) instead of in the frame that lays it out anyway.
 */
function chapterColumn(): { width: number; font: number } {
  const main = document.querySelector("main.chapter");
  const style = main ? getComputedStyle(main) : null;
  const font = style ? parseFloat(style.fontSize) : 16;
  const ems = style ? parseFloat(style.getPropertyValue("--column")) : NaN;
  return { width: Number.isFinite(ems) ? ems * font : innerWidth - 32, font };
}

/**
 * Whether a region not yet measured may scroll sideways. A formula is judged by its characters (a rough width
 * each at the math's size, `math-metrics.ts`, plus its explicit spaces), which overstates stacked parts: one well inside the column
 * is no tab stop, so a page does not fill with tab stops nobody needs (each also costs checkers time). Charts
 * fit the column; diagrams and tables keep their size and may not.
 */
function mayScroll(region: HTMLElement, column: { width: number; font: number }): boolean {
  if (!region.matches(".math-display")) return !region.matches(".plot-frame") || region.matches(".plot-diagram");
  let ems = 0;
  for (const token of region.querySelectorAll("math :is(mi, mn, mo, mtext)")) ems += (token.textContent?.length ?? 0) * MATH_CHAR_EM;
  for (const space of region.querySelectorAll("math mspace")) ems += Math.abs(parseFloat(space.getAttribute("width") ?? "") || 0);
  return ems * MATH_SCALE * column.font > 0.6 * column.width;
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

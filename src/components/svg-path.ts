/**
 * Fewer points in a build-time figure's polylines, drawn the same.
 *
 * Observable Plot draws a contour or a densely sampled line as a path of
 * straight segments, one point per grid cell or sample: the contours of
 * chapter 7's race track were 160 KB of HTML each, much of it runs of points
 * on one straight line (a level set clipped by the frame), which the phone
 * downloads and parses for nothing. A point is dropped when it lies within
 * `tolerance` px of the segment that replaces it, between that segment's ends,
 * so the drawn line moves by at most that much (0.05 px by default, a twentieth
 * of a CSS pixel). Kept points keep their text as Plot wrote it.
 *
 * Only paths made of `M`, `L` and `Z` with `x,y` pairs are touched; any other
 * path (arcs, curves, relative commands) is returned unchanged.
 */

interface Point { x: number; y: number; text: string }

const POLYLINE = /^(?:[MLZ]|-?[0-9.]+(?:e-?[0-9]+)?,-?[0-9.]+(?:e-?[0-9]+)?)+$/;

export function simplifyPolyline(d: string, tolerance = 0.05): string {
  if (!POLYLINE.test(d)) return d;
  return (d.match(/M[^M]*/g) ?? []).map((sub) => {
    const closed = sub.endsWith("Z");
    const body = closed ? sub.slice(1, -1) : sub.slice(1);
    if (body.includes("Z")) return sub; // a Z inside a subpath: not a shape Plot writes, left as it is
    const points = body.split("L").map((text): Point => {
      const [x, y] = text.split(",").map(Number);
      return { x, y, text };
    });
    return "M" + keptPoints(points, tolerance).map((p) => p.text).join("L") + (closed ? "Z" : "");
  }).join("");
}

/**
 * The points left once every run of points within `tolerance` of the segment
 * joining the points either side of it is gone. Each candidate segment is
 * checked against all the points it would replace, not only the last, so a
 * gentle curve does not drift away point by point.
 */
function keptPoints(points: Point[], tolerance: number): Point[] {
  const kept = [points[0]];
  let skipped: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const next = points[i + 1];
    const replaced = [...skipped, points[i]];
    if (next && replaced.every((p) => onSegment(p, kept[kept.length - 1], next, tolerance))) {
      skipped = replaced;
      continue;
    }
    kept.push(points[i]);
    skipped = [];
  }
  return kept;
}

/** Whether `p` lies within `tolerance` of the segment from `a` to `b`, between its ends. */
function onSegment(p: Point, a: Point, b: Point, tolerance: number): boolean {
  const dx = b.x - a.x, dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  if (!(length2 > 0)) return false;
  const along = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2;
  if (along < 0 || along > 1) return false;
  return Math.abs((p.x - a.x) * dy - (p.y - a.y) * dx) / Math.sqrt(length2) <= tolerance;
}

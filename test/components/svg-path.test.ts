/**
 * simplifyPolyline (src/components/svg-path.ts): a build-time figure's path
 * loses the points that lie on the segments replacing them, and is drawn the
 * same: every original point stays within the tolerance of the new polyline.
 */
import { describe, expect, it } from "vitest";
import { simplifyPolyline } from "../../src/components/svg-path.ts";

const points = (d: string) => d.replace(/^M|Z$/g, "").split(/L|M/).map((p) => p.split(",").map(Number) as [number, number]);

/** The distance from `p` to the polyline through `line`. */
function distance(p: [number, number], line: [number, number][]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i], [bx, by] = line[i + 1];
    const dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    const t = l2 ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy)));
  }
  return best;
}

describe("simplifyPolyline", () => {
  it("drops the points of a straight run, keeping its ends and the text of kept points", () => {
    expect(simplifyPolyline("M320,20.642L320,21.925L320,23.208L320,24.492L330.5,24.492")).toBe("M320,20.642L320,24.492L330.5,24.492");
  });

  it("keeps a point off the line by more than the tolerance, and one the line turns back at", () => {
    expect(simplifyPolyline("M0,0L1,0.06L2,0")).toBe("M0,0L1,0.06L2,0");
    expect(simplifyPolyline("M0,0L1,0.04L2,0")).toBe("M0,0L2,0");
    expect(simplifyPolyline("M0,0L5,0L2,0")).toBe("M0,0L5,0L2,0");
  });

  it("keeps every subpath, closed ones closed", () => {
    expect(simplifyPolyline("M0,0L1,0L2,0L2,2ZM5,5L6,6L7,7")).toBe("M0,0L2,0L2,2ZM5,5L7,7");
  });

  it("leaves alone a path with other commands or other number formats", () => {
    for (const d of ["M0,0A5,5,0,0,1,10,0", "M0,0C1,1,2,2,3,3", "M0 0L1 0L2 0", "m0,0l1,0l1,0", "M0,0H5"]) expect(simplifyPolyline(d)).toBe(d);
  });

  it("draws a densely sampled ellipse within the tolerance with fewer points, without drifting along the curve", () => {
    const ring = Array.from({ length: 2000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 2000;
      return `${(320 + 300 * Math.cos(a)).toFixed(3)},${(170 + 3 * Math.sin(a)).toFixed(3)}`;
    });
    const d = "M" + ring.join("L") + "Z";
    const out = simplifyPolyline(d, 0.05);
    const kept = points(out);
    expect(kept.length).toBeLessThan(ring.length / 2);
    const worst = Math.max(...points(d).map((p) => distance(p, kept)));
    expect(worst).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});

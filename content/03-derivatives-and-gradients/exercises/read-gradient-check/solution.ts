// The chapter's relative error and bands: within 1e−7 is good. Anything
// larger is a false alarm only if x − h and x + h lie on both sides of a
// kink, that is when the kink is closer than h; otherwise the gradient is wrong.
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
  if (rel <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

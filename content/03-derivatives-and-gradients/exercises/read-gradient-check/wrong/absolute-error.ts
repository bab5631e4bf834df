// Mistake: judges the absolute difference |a − n| ≤ 1e−7, which fails large gradients that agree to 1e−9 relative (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  if (Math.abs(analytic - numeric) <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

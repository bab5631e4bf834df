// Mistake: |a − n| / (|a| + |n|) without the 1e−8 floor, which is 0/0 = NaN when both are 0 (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / (Math.abs(analytic) + Math.abs(numeric));
  if (rel <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

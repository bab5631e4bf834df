// Mistake: divides by |n| alone, which doubles the error and tips agreements just inside 1e−7 over (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(numeric), 1e-8);
  if (rel <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

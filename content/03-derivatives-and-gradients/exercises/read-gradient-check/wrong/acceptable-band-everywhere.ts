// Mistake: calls anything within 1e−4 good, though that band is acceptable only near a kink (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
  if (rel <= 1e-4) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

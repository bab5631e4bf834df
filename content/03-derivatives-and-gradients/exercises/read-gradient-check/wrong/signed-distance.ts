// Mistake: compares the signed distance with h, so every kink below the point counts as straddled (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
  if (rel <= 1e-7) return "good";
  return distanceToKink < h ? "kink" : "wrong";
}

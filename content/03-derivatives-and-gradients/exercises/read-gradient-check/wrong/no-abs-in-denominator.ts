// Mistake: divides by a + n without absolute values, so negative gradients give a negative "error" and pass as good (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / Math.max(analytic + numeric, 1e-8);
  if (rel <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

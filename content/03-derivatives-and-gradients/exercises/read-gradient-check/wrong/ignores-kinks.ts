// Mistake: never considers kinks, so a ReLU's false alarm is reported as a wrong gradient (expect: mismatch)
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  void distanceToKink, h;
  const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
  return rel <= 1e-7 ? "good" : "wrong";
}

// 本章的相对误差和档位：不超过 1e−7 为 good。误差更大时，
// 只有当 x − h 与 x + h 分别落在不可导点两侧，即不可导点离得比 h 还近时，
// 才算误报；否则梯度就是错的。
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
  if (rel <= 1e-7) return "good";
  return Math.abs(distanceToKink) < h ? "kink" : "wrong";
}

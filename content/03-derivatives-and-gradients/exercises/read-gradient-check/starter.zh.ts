// 梯度检验中的一个元素：你的解析值、数值结果（步长为 h 的中心差分），
// 以及输入离最近的不可导点有多远（不可导点在它下方时为负）。
// 返回 "good"、"kink"（误报：步长跨过了不可导点）
// 或 "wrong"。
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  // TODO：先看相对误差，再看不可导点。
  return "";
}

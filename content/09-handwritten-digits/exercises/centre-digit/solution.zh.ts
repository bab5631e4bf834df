import { Matrix } from "nn";

/** 归一化到最大值为 1，并平移使质心位于 (13.5, 13.5)。 */
export function centreDigit(img: Matrix): Matrix {
  const n = 28;
  const out = new Matrix(n, n);
  let max = 0, total = 0, rows = 0, cols = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = img.get(i, j);
      max = Math.max(max, v);
      total += v;
      rows += i * v;
      cols += j * v;
    }
  }
  if (total === 0) return out; // 空白图像没有质心
  const dr = Math.round(13.5 - rows / total), dc = Math.round(13.5 - cols / total);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = i - dr, sj = j - dc;
      if (si >= 0 && si < n && sj >= 0 && sj < n) out.set(i, j, img.get(si, sj) / max);
    }
  }
  return out;
}

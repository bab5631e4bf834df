// Mistake: shifts by centre − 13.5 instead of 13.5 − centre, moving the digit further from the middle (expect: mismatch)
import { Matrix } from "nn";

export function centreDigit(img: Matrix): Matrix {
  const out = new Matrix(28, 28);
  let max = 0, total = 0, rows = 0, cols = 0;
  for (let i = 0; i < 28; i++) {
    for (let j = 0; j < 28; j++) {
      const v = img.get(i, j);
      max = Math.max(max, v);
      total += v;
      rows += i * v;
      cols += j * v;
    }
  }
  if (total === 0) return out;
  const dr = Math.round(rows / total - 13.5), dc = Math.round(cols / total - 13.5);
  for (let i = 0; i < 28; i++) {
    for (let j = 0; j < 28; j++) {
      const si = i - dr, sj = j - dc;
      if (si >= 0 && si < 28 && sj >= 0 && sj < 28) out.set(i, j, img.get(si, sj) / max);
    }
  }
  return out;
}

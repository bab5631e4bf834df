// Mistake: centres the digit but never divides by the largest value, so a faint digit stays faint (expect: scaled)
import { Matrix } from "nn";

export function centreDigit(img: Matrix): Matrix {
  const out = new Matrix(28, 28);
  let total = 0, rows = 0, cols = 0;
  for (let i = 0; i < 28; i++) {
    for (let j = 0; j < 28; j++) {
      const v = img.get(i, j);
      total += v;
      rows += i * v;
      cols += j * v;
    }
  }
  if (total === 0) return out;
  const dr = Math.round(13.5 - rows / total), dc = Math.round(13.5 - cols / total);
  for (let i = 0; i < 28; i++) {
    for (let j = 0; j < 28; j++) {
      const si = i - dr, sj = j - dc;
      if (si >= 0 && si < 28 && sj >= 0 && sj < 28) out.set(i, j, img.get(si, sj));
    }
  }
  return out;
}

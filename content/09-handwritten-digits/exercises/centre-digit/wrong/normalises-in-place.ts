// Mistake: divides the input image by its maximum in place before shifting, changing the caller's image (expect: mutated-input)
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
  for (let k = 0; k < img.data.length; k++) img.data[k] /= max;
  const dr = Math.round(13.5 - rows / total), dc = Math.round(13.5 - cols / total);
  for (let i = 0; i < 28; i++) {
    for (let j = 0; j < 28; j++) {
      const si = i - dr, sj = j - dc;
      if (si >= 0 && si < 28 && sj >= 0 && sj < 28) out.set(i, j, img.get(si, sj));
    }
  }
  return out;
}

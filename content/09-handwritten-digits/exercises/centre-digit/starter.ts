import { Matrix } from "nn";

/** Returns a new 28×28 image: brightest pixel 1, centre of mass at (13.5, 13.5). */
export function centreDigit(img: Matrix): Matrix {
  // TODO: normalise by the largest value, then shift by round(13.5 − centre of mass) rows and columns.
  return img.clone();
}
